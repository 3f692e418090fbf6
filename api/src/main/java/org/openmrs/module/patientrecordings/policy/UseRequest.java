/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Purpose;

/**
 * A request to use or disclose a recording.
 *
 * @param actor who asks
 * @param action what they want to do
 * @param purpose for what
 * @param recording the recording
 * @param consents the patient's recording consents
 * @param authority the legal basis of a disclosure without consent, or null
 * @param othersConsentedOrRedacted whether the other people it captures consented, or a redacted derivative is
 *     what is used (STF-2)
 * @param approvedByRole the role of whoever approved the secondary use, when the site asks for approval
 * @param site the policy in force at the recording's site
 */
public record UseRequest(
        Actor actor,
        UseAction action,
        Purpose purpose,
        RecordingFacts recording,
        List<ConsentFact> consents,
        LegalAuthority authority,
        boolean othersConsentedOrRedacted,
        String approvedByRole,
        SitePolicy site) {

    public UseRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(recording, "recording");
        consents = consents == null ? List.of() : List.copyOf(consents);
        Objects.requireNonNull(site, "site");
    }

    /** @return true when neither direct care nor the patient's own access nor a legal authority is the basis */
    public boolean secondaryUse() {
        return purpose.secondary() && authority == null;
    }
}
