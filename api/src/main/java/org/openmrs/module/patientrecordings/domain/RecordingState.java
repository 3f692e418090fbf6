/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

/**
 * Where a recording is in its lifecycle. The allowed transitions are those of the recording lifecycle state
 * machine; any other is refused with {@link ErrorCode#LIF_1}.
 */
public enum RecordingState {
    /** Allowed to start, nothing captured yet. */
    REQUESTED,
    /** Capturing. */
    IN_PROGRESS,
    /** A clinician recording has ended and awaits the patient's confirmation; direct care only (CON-7). */
    PENDING_CONFIRMATION,
    /** Ended normally and, where needed, confirmed. */
    COMPLETED,
    /** Ended early by the operator; what was captured is kept as a record entry. */
    STOPPED,
    /** Consent withdrawn: nobody may play, copy or disclose it; scheduled for destruction (CON-5, CON-6). */
    SEALED,
    /** Entered in error; kept for the retention period but no longer part of the live record (REC-1). */
    VOIDED,
    /** Content destroyed, with an entry in the destruction register (REC-4). */
    DESTROYED;

    /**
     * The state in words, as a client reads it on the Media ({@code Media.status} and the lifecycle it shows), for
     * messages: never the constant's name.
     */
    public String label() {
        return switch (this) {
            case REQUESTED -> "not started";
            case IN_PROGRESS -> "in progress";
            case PENDING_CONFIRMATION -> "completed, awaiting the patient's confirmation";
            case COMPLETED -> "completed";
            case STOPPED -> "stopped";
            case SEALED -> "sealed";
            case VOIDED -> "entered in error";
            case DESTROYED -> "destroyed";
        };
    }

    /** @return true when the content may still be served to someone with the right to see it */
    public boolean playable() {
        return this == IN_PROGRESS || this == PENDING_CONFIRMATION || this == COMPLETED || this == STOPPED;
    }
}
