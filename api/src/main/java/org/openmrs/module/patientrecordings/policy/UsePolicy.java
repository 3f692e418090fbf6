/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import org.openmrs.module.patientrecordings.domain.Decision;

/** Decides whether a recording may be viewed, played, copied, disclosed or exported for a purpose. */
public final class UsePolicy {

    private static final RuleSet<UseRequest> RULES = RuleSet.of(
            UseRules::privilegeForAction,
            UseRules::covertOnlyToPrivileged,
            UseRules::contentStateAllowsUse,
            UseRules::unconfirmedServesDirectCareOnly,
            UseRules::secondaryUseNeedsConsent,
            UseRules::siteAllowsSecondaryUse,
            UseRules::othersCapturedNeedConsentOrRedaction);

    private UsePolicy() {}

    public static Decision decide(UseRequest request) {
        return RULES.decide(request);
    }
}
