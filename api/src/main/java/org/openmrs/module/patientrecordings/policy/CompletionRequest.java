/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.Actor;

/**
 * A request to complete a recording.
 *
 * @param actor who completes it
 * @param recording the recording
 * @param encounterHasNote whether the recording's encounter has a contemporaneous clinical note (false when the
 *     recording has no encounter)
 * @param site the policy version the recording was made under
 */
public record CompletionRequest(Actor actor, RecordingFacts recording, boolean encounterHasNote, SitePolicy site) {

    public CompletionRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(site, "site");
    }
}
