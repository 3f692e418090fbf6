/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** REC-1: a recording is an entry of the clinical record: never deleted, corrected by a void with a reason. */
@DisplayName("REC-1: a recording is a clinical record entry")
class RecordEntryTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember recordsManager = clinic.aRecordsManager();

    @Test
    @DisplayName("REC-1: deleting a recording is refused, even for a records manager, and the attempt is audited")
    void rec1_deleteAlwaysRefusedAndAudited() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);
        StaffMember everything = clinic.aUserWithAllBut(Privilege.VIEW_AUDIT);

        for (StaffMember who : new StaffMember[] {recordsManager, everything}) {
            clinic.as(who);
            assertThat(refusalCodes(() -> clinic.recordings().delete(recording.id())))
                    .containsExactly(ErrorCode.REC_1);
            var audited = clinic.lastAuditEntry();
            assertThat(audited.user()).isEqualTo(who.id());
            assertThat(audited.recording()).isEqualTo(recording.id());
            assertThat(audited.outcome()).isEqualTo(AuditOutcome.refused(ErrorCode.REC_1));
        }
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.COMPLETED);
    }

    @Test
    @DisplayName("REC-1: a void by a records manager with a reason keeps the content, writes a note and is audited")
    void rec1_voidKeepsContentAndWritesNote() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);

        Recording voided =
                clinic.as(recordsManager).recordings().voidRecording(recording.id(), "wrong patient selected");

        assertThat(voided.state()).isEqualTo(RecordingState.VOIDED);
        assertThat(voided.voidReason()).isEqualTo("wrong patient selected");
        assertThat(voided.content()).isEqualTo(recording.content()).isNotNull();
        assertThat(voided.retentionUntil()).isEqualTo(recording.retentionUntil());
        var note = clinic.notes().last();
        assertThat(note.patient()).isEqualTo(ann);
        assertThat(note.author()).isEqualTo(recordsManager.id());
        assertThat(note.encounter()).isEqualTo(recording.encounter());
        assertThat(note.text()).contains("wrong patient selected");
        assertThat(clinic.lastAuditEntry().action()).isEqualTo(AuditAction.VOID);
        assertThat(clinic.lastAuditEntry().outcome().succeeded()).isTrue();
    }

    @Test
    @DisplayName("REC-1: a void without a reason is refused")
    void rec1_voidNeedsAReason() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.as(recordsManager);

        assertThat(refusalCodes(() -> clinic.recordings().voidRecording(recording.id(), " ")))
                .containsExactly(ErrorCode.REC_1);
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.COMPLETED);
    }

    @Test
    @DisplayName("REC-1: a void by a clinician without the records privilege is refused (SAF-3)")
    void rec1_voidNeedsPrivilege() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.as(clinic.aClinician());

        assertThat(refusalCodes(() -> clinic.recordings().voidRecording(recording.id(), "wrong patient")))
                .containsExactly(ErrorCode.SAF_3);
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.COMPLETED);
    }

    @Test
    @DisplayName("REC-1: a voided recording leaves the clinician's live use but stays for records managers")
    void rec1_voidedRecordingOutOfLiveUse() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.as(recordsManager).recordings().voidRecording(recording.id(), "wrong patient");

        clinic.as(clinic.aClinician());
        assertThat(refusalCodes(() -> clinic.recordings().use(recording.id(), UseContext.directCare(UseAction.PLAY))))
                .containsExactly(ErrorCode.REC_1);
        clinic.as(recordsManager);
        assertThat(clinic.recordings()
                        .use(recording.id(), UseContext.directCare(UseAction.VIEW))
                        .state())
                .isEqualTo(RecordingState.VOIDED);
    }

    @Test
    @DisplayName("REC-1: when the note of a void cannot be written, nothing is voided")
    void rec1_voidFailsWhenNoteCannotBeWritten() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.notes().failAppends(true);
        clinic.as(recordsManager);

        assertThatThrownBy(() -> clinic.recordings().voidRecording(recording.id(), "wrong patient"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.COMPLETED);
    }
}
