/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.Privilege;

/** Decides whether a consent given or withheld may be recorded as stated. */
public final class ConsentPolicy {

    private static final RuleSet<ConsentDecisionRequest> RULES = RuleSet.of(
            Privileges.require(Privilege.MANAGE_CONSENT, ConsentDecisionRequest::actor),
            ConsentRules::knownPatient,
            ConsentRules::patientWasToldEverything,
            ConsentRules::freelyGivenAttestation,
            ConsentRules::whoDecidedIsRecorded,
            ConsentRules::bestInterestsCoversCareOnly,
            ConsentRules::defensivePurposeNeedsStatedReason,
            ConsentRules::siteAllowsSecondaryPurposes);

    /** For a patient the host does not know: the privilege and the unknown reference alone. */
    private static final RuleSet<ConsentDecisionRequest> UNKNOWN_PATIENT = RuleSet.of(
            Privileges.require(Privilege.MANAGE_CONSENT, ConsentDecisionRequest::actor), ConsentRules::knownPatient);

    private ConsentPolicy() {}

    /** Every rule at once; for an unknown patient only the unknown reference (SAF-4). */
    public static Decision decide(ConsentDecisionRequest request) {
        return request.patient().known() ? RULES.decide(request) : UNKNOWN_PATIENT.decide(request);
    }
}
