/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.support.Contents.contentOf;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.MissingNoteHandling;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** Completing a clinician recording: the contemporaneous note (REC-3) and the patient's confirmation (CON-7). */
@DisplayName("Completing a recording")
class CompletingARecordingTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();

    @Test
    @DisplayName("CON-7: a completed clinician recording awaits the patient's confirmation")
    void con7_completedClinicianRecordingPendsConfirmation() {
        Recording completed = clinic.completedConsultation(ann, DIRECT_CARE);

        assertThat(completed.state()).isEqualTo(RecordingState.PENDING_CONFIRMATION);
        assertThat(completed.endedAt()).isEqualTo(clinic.clock().instant());
    }

    @Test
    @DisplayName("CON-7: a clinician recording stopped early also awaits confirmation, marked as ended early")
    void con7_stoppedRecordingPendsConfirmation() {
        Recording started = clinic.consultationInProgress(ann, DIRECT_CARE);

        Recording stopped = clinic.as(doctor).recordings().stop(started.id());

        assertThat(stopped.state()).isEqualTo(RecordingState.PENDING_CONFIRMATION);
        assertThat(stopped.hasFlag(RecordingFlag.ENDED_EARLY)).isTrue();
    }

    @Test
    @DisplayName("REC-3: where the site blocks, a recording cannot be completed before the encounter has a note")
    void rec3_blockRefusesCompletionWithoutNote() {
        clinic.policyChanged(p -> p.missingNote(MissingNoteHandling.BLOCK));
        Recording recording = recordingInEncounterWithoutNote();

        assertThat(refusalCodes(() -> clinic.recordings().complete(recording.id())))
                .containsExactly(ErrorCode.REC_3);
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.IN_PROGRESS);
    }

    @Test
    @DisplayName("REC-3: where the site blocks, completion goes ahead once the clinician has written the note")
    void rec3_blockAllowsCompletionWithNote() {
        clinic.policyChanged(p -> p.missingNote(MissingNoteHandling.BLOCK));
        Recording recording = recordingInEncounterWithoutNote();
        clinic.notes().clinicianWritesNote(recording.encounter());

        Started completed = clinic.recordings().complete(recording.id());

        assertThat(completed.recording().state()).isEqualTo(RecordingState.PENDING_CONFIRMATION);
        assertThat(completed.recording().flags()).doesNotContain(RecordingFlag.NOTE_MISSING);
    }

    @Test
    @DisplayName("REC-3: where the site flags, completion goes ahead flagged NOTE_MISSING and listed until a note")
    void rec3_flagCompletesAndLists() {
        Recording recording = recordingInEncounterWithoutNote();

        Started completed = clinic.recordings().complete(recording.id());

        assertThat(completed.warnings()).extracting(r -> r.code()).containsExactly(ErrorCode.REC_3);
        assertThat(completed.recording().hasFlag(RecordingFlag.NOTE_MISSING)).isTrue();
        assertThat(clinic.recordings().withoutNote()).extracting(Recording::id).containsExactly(recording.id());
    }

    @Test
    @DisplayName("REC-3: writing the note clears the flag and takes the recording off the list")
    void rec3_noteWrittenClearsFlag() {
        Recording recording = recordingInEncounterWithoutNote();
        clinic.recordings().complete(recording.id());
        clinic.notes().clinicianWritesNote(recording.encounter());

        assertThat(clinic.recordings().noteWritten(recording.id()))
                .singleElement()
                .satisfies(r -> assertThat(r.flags()).doesNotContain(RecordingFlag.NOTE_MISSING));
        assertThat(clinic.recordings().withoutNote()).isEmpty();
    }

    @Test
    @DisplayName("REC-3: claiming the note was written while there is none clears nothing")
    void rec3_noteWrittenWithoutANoteClearsNothing() {
        Recording recording = recordingInEncounterWithoutNote();
        clinic.recordings().complete(recording.id());

        assertThat(clinic.recordings().noteWritten(recording.id())).isEmpty();
        assertThat(clinic.stored(recording.id()).hasFlag(RecordingFlag.NOTE_MISSING))
                .isTrue();
    }

    @Test
    @DisplayName("REC-3: a consent note beside the encounter is not its contemporaneous clinical note")
    void rec3_consentNoteIsNotTheClinicalNote() {
        EncounterId encounter = clinic.encounterOf(ann);
        clinic.as(doctor).consents().give(clinic.aConsentOf(ann).in(encounter).build());
        Recording recording = clinic.start(clinic.aConsultationOf(ann).in(encounter));

        assertThat(clinic.recordings().complete(recording.id()).recording().hasFlag(RecordingFlag.NOTE_MISSING))
                .isTrue();
    }

    @Test
    @DisplayName("REC-3: a recording that is not a clinician's needs no note")
    void rec3_patientsRecordingNeedsNoNote() {
        clinic.policyChanged(p -> p.missingNote(MissingNoteHandling.BLOCK));
        Recording own =
                clinic.as(doctor).start(clinic.aPatientsOwnRecordingOf(ann).in(clinic.encounterOf(ann)));

        assertThat(clinic.recordings().complete(own.id()).recording().state()).isEqualTo(RecordingState.COMPLETED);
    }

    @Test
    @DisplayName("LIF-1: content cannot be attached to, nor a second completion made of, a completed recording")
    void lif1_completedRecordingIsClosed() {
        Recording completed = clinic.completedConsultation(ann, DIRECT_CARE);
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.recordings().attachContent(completed.id(), contentOf("more"))))
                .containsExactly(ErrorCode.LIF_1);
        assertThat(refusalCodes(() -> clinic.recordings().complete(completed.id())))
                .containsExactly(ErrorCode.LIF_1);
    }

    private Recording recordingInEncounterWithoutNote() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        EncounterId encounter = clinic.encounterOf(ann);
        return clinic.as(doctor).start(clinic.aConsultationOf(ann).in(encounter));
    }
}
