/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.Purpose;

/**
 * A secondary purpose a site allows, and who may approve a use for it (POL-1).
 *
 * @param purpose a secondary purpose
 * @param approverRole the role that must approve each use (e.g. {@code Caldicott Guardian}), or null when the
 *     patient's consent alone suffices
 */
public record SecondaryPurposeRule(Purpose purpose, String approverRole) {

    public SecondaryPurposeRule {
        Objects.requireNonNull(purpose, "purpose");
        if (!purpose.secondary()) {
            throw new IllegalArgumentException(purpose + " is not a secondary purpose");
        }
        if (approverRole != null && approverRole.isBlank()) {
            approverRole = null;
        }
    }

    public boolean needsApproval() {
        return approverRole != null;
    }
}
