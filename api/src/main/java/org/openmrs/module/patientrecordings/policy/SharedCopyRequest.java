/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A copy of their own recording that a patient shares, to be added to their record (PAT-2).
 *
 * @param recording the recording as any other, with initiator PATIENT
 * @param receivedOn when the copy was received
 * @param howObtained how it was obtained (e.g. "emailed by the patient", "copied from their phone in clinic")
 */
public record SharedCopyRequest(StartRecordingRequest recording, LocalDate receivedOn, String howObtained) {

    public SharedCopyRequest {
        Objects.requireNonNull(recording, "recording");
    }
}
