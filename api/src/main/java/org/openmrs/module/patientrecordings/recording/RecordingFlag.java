/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

/** Facts about a recording that staff must see and that lists are made of. */
public enum RecordingFlag {
    /** REC-3: completed without a contemporaneous note; listed until one exists. */
    NOTE_MISSING,
    /** PAT-3: made in a no-filming area: a breach of site policy. */
    NO_FILMING_AREA_BREACH,
    /** CON-11: made only to defend against complaints or litigation, with the stated reason recorded. */
    DEFENSIVE_PURPOSE,
    /** Ended early by the operator rather than completed. */
    ENDED_EARLY,
    /** CON-7: the patient refused to confirm consent after the recording. */
    CONFIRMATION_REFUSED,
    /** CON-5: consent was withdrawn while recording; the capture was stopped at once and sealed. */
    WITHDRAWN_DURING_RECORDING,
    /** CON-7: the patient confirmed consent after the recording. */
    CONFIRMED
}
