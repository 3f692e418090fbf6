/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.LocalDate;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ConsentState;

/**
 * A consent given or withheld, as the clinician records it.
 *
 * @param actor who records it
 * @param patient whose consent it is
 * @param decision {@link ConsentState#GIVEN} or {@link ConsentState#WITHHELD}
 * @param terms what the patient was told
 * @param attestation what the clinician attests they told the patient (needed for consent given)
 * @param site the policy in force at the site
 * @param giver who decided, on what authority (CON-12); the patient when null
 * @param birthDate the patient's date of birth, or null when the host does not know it
 * @param on the day of the decision, for the patient's age
 */
public record ConsentDecisionRequest(
        Actor actor,
        PatientFacts patient,
        ConsentState decision,
        ConsentTerms terms,
        Attestation attestation,
        SitePolicy site,
        ConsentGiver giver,
        LocalDate birthDate,
        LocalDate on) {

    /** Age at which a patient is presumed able to consent for themself (GMC, 0–18 years, paragraphs 24–25). */
    static final int ADULT_AGE = 16;

    public ConsentDecisionRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(decision, "decision");
        if (decision != ConsentState.GIVEN && decision != ConsentState.WITHHELD) {
            throw new IllegalArgumentException("only a consent given or withheld is decided here");
        }
        Objects.requireNonNull(terms, "terms");
        attestation = attestation == null ? Attestation.NONE : attestation;
        Objects.requireNonNull(site, "site");
        giver = giver == null ? ConsentGiver.PATIENT : giver;
    }

    /** A decision by the patient, whose age is not known. */
    public ConsentDecisionRequest(
            Actor actor,
            PatientFacts patient,
            ConsentState decision,
            ConsentTerms terms,
            Attestation attestation,
            SitePolicy site) {
        this(actor, patient, decision, terms, attestation, site, ConsentGiver.PATIENT, null, null);
    }

    /** @return true when the patient is known to be under 16 on the day of the decision */
    public boolean patientUnder16() {
        return birthDate != null && on != null && birthDate.plusYears(ADULT_AGE).isAfter(on);
    }
}
