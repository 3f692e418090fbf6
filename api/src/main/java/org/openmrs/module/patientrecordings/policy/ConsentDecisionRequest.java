/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

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
 */
public record ConsentDecisionRequest(
        Actor actor,
        PatientFacts patient,
        ConsentState decision,
        ConsentTerms terms,
        Attestation attestation,
        SitePolicy site) {

    public ConsentDecisionRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(decision, "decision");
        if (decision == ConsentState.WITHDRAWN) {
            throw new IllegalArgumentException("a withdrawal is decided by the withdrawal planner");
        }
        Objects.requireNonNull(terms, "terms");
        attestation = attestation == null ? Attestation.NONE : attestation;
        Objects.requireNonNull(site, "site");
    }
}
