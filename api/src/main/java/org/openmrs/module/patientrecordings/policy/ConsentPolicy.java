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

    private ConsentPolicy() {}

    public static Decision decide(ConsentDecisionRequest request) {
        return RULES.decide(request);
    }
}
