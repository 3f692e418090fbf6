/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.policy.UseAction;

/**
 * Why and on what basis someone uses a recording.
 *
 * @param action what they do
 * @param purpose for what
 * @param authority a legal basis other than consent, or null
 * @param othersConsentedOrRedacted whether other people captured consented or a redacted derivative is used
 * @param approvedByRole who approved a secondary use the site wants approved, or null
 */
public record UseContext(
        UseAction action,
        Purpose purpose,
        LegalAuthority authority,
        boolean othersConsentedOrRedacted,
        String approvedByRole) {

    public UseContext {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(purpose, "purpose");
    }

    /** Direct care use, the everyday case. */
    public static UseContext directCare(UseAction action) {
        return new UseContext(action, Purpose.DIRECT_CARE, null, false, null);
    }
}
