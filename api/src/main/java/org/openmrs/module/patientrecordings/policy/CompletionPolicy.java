/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.List;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;

/** Completing a recording (REC-3) and the patient's confirmation after it (CON-7). */
public final class CompletionPolicy {

    private static final RuleSet<CompletionRequest> COMPLETION = RuleSet.of(
            Privileges.require(Privilege.CREATE_RECORDINGS, CompletionRequest::actor),
            CompletionPolicy::recordingDoesNotReplaceTheNote);

    private static final RuleSet<ConfirmationRequest> CONFIRMATION = RuleSet.of(
            Privileges.require(Privilege.MANAGE_CONSENT, ConfirmationRequest::actor),
            CompletionPolicy::awaitingConfirmation,
            CompletionPolicy::procedureViewersToldWhatTheyWouldSee);

    private CompletionPolicy() {}

    public static Decision decide(CompletionRequest request) {
        return COMPLETION.decide(request);
    }

    public static Decision decide(ConfirmationRequest request) {
        return CONFIRMATION.decide(request);
    }

    /**
     * CON-7: an overt clinician recording of a kind that needs its own consent awaits the patient's confirmation
     * once it ends. A covert one rests on its authorisation (COV-1): offering it to the patient would defeat it.
     */
    public static boolean needsConfirmation(RecordingKind kind, Initiator initiator, RecordingMode mode) {
        return initiator == Initiator.CLINICIAN && !kind.implicitConsent() && mode == RecordingMode.OVERT;
    }

    /**
     * REC-3: a clinician recording does not replace the contemporaneous note: without one, completion is refused
     * or the recording is flagged, as the site chose.
     */
    static List<Reason> recordingDoesNotReplaceTheNote(CompletionRequest r) {
        if (r.recording().initiator() != Initiator.CLINICIAN || r.encounterHasNote()) {
            return List.of();
        }
        return r.site().missingNote() == MissingNoteHandling.BLOCK
                ? List.of(Reason.error(
                        ErrorCode.REC_3,
                        "Write the contemporaneous clinical note for this encounter before completing the recording",
                        "encounter"))
                : List.of(Reason.warning(
                        ErrorCode.REC_3, "No contemporaneous note yet: the recording is flagged until one exists"));
    }

    /** CON-7: only a recording awaiting confirmation can be confirmed or refused. */
    static List<Reason> awaitingConfirmation(ConfirmationRequest r) {
        return r.recording().state() == RecordingState.PENDING_CONFIRMATION
                ? List.of()
                : List.of(Reason.error(
                        ErrorCode.LIF_1,
                        "The recording is " + r.recording().state().label()
                                + ", not awaiting the patient's confirmation"));
    }

    /**
     * CON-7: before viewing operative-procedure footage, the patient was told what they would see. Without the
     * attestation their confirmation is not taken; a refusal is always recorded (CON-4).
     */
    static List<Reason> procedureViewersToldWhatTheyWouldSee(ConfirmationRequest r) {
        return r.recording().kind() == RecordingKind.PROCEDURE
                        && r.confirmed()
                        && r.viewedRecording()
                        && !Boolean.TRUE.equals(r.toldWhatTheyWouldSee())
                ? List.of(Reason.error(
                        ErrorCode.CON_7,
                        "Attest that the patient was told what they would see before viewing procedure footage",
                        "toldWhatTheyWouldSee"))
                : List.of();
    }
}
