/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.Attestation;
import org.openmrs.module.patientrecordings.policy.ConsentGiver;
import org.openmrs.module.patientrecordings.policy.ConsentTerms;

/**
 * A consent given or withheld, as the clinician enters it.
 *
 * @param patient whose consent
 * @param encounter the encounter it was sought in, or null
 * @param site where
 * @param terms what the patient was told (CON-2)
 * @param attestation the CON-3 attestation (needed for consent given)
 * @param comment the patient's own words, or null
 * @param giver who decided, on what authority (CON-12); the patient when null
 */
public record ConsentCommand(
        PatientId patient,
        EncounterId encounter,
        SiteId site,
        ConsentTerms terms,
        Attestation attestation,
        String comment,
        ConsentGiver giver) {

    public ConsentCommand {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(terms, "terms");
        attestation = attestation == null ? Attestation.NONE : attestation;
        giver = giver == null ? ConsentGiver.PATIENT : giver;
    }

    /** A decision by the patient themself. */
    public ConsentCommand(
            PatientId patient,
            EncounterId encounter,
            SiteId site,
            ConsentTerms terms,
            Attestation attestation,
            String comment) {
        this(patient, encounter, site, terms, attestation, comment, ConsentGiver.PATIENT);
    }
}
