/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.Actor;

/**
 * The patient's answer when offered, after a clinician recording, to confirm consent and to see or hear it (CON-7).
 *
 * @param actor the clinician recording the answer
 * @param recording the recording
 * @param confirmed true when the patient confirms, false when they refuse
 * @param viewedRecording whether the patient saw or heard the recording
 * @param toldWhatTheyWouldSee for operative-procedure footage viewed by the patient: the clinician attests they
 *     told the patient what they would see before viewing
 */
public record ConfirmationRequest(
        Actor actor,
        RecordingFacts recording,
        boolean confirmed,
        boolean viewedRecording,
        Boolean toldWhatTheyWouldSee) {

    public ConfirmationRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(recording, "recording");
    }
}
