/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.disposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.UploadPart;
import org.openmrs.module.patientrecordings.register.DestructionEntry;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** Disposal only after the retention end (REC-4), never under legal hold (REC-5), always registered. */
@DisplayName("Disposal of recordings")
class DisposalTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember recordsManager = clinic.aRecordsManager();
    private final Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);

    @Test
    @DisplayName("REC-4: disposal before the retention end is refused and audited")
    void rec4_refusedBeforeRetentionEnd() {
        clinic.as(recordsManager);

        assertThat(refusalCodes(() -> clinic.disposal().dispose(recording.id())))
                .containsExactly(ErrorCode.REC_4);
        assertThat(clinic.lastAuditEntry().action()).isEqualTo(AuditAction.DISPOSE);
        assertThat(clinic.lastAuditEntry().outcome()).isEqualTo(AuditOutcome.refused(ErrorCode.REC_4));
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.COMPLETED);
    }

    @Test
    @DisplayName("REC-4: disposal on the retention end day itself is refused: that day is still kept")
    void rec4_refusedOnTheRetentionEndDay() {
        clinic.clock().moveTo(recording.retentionUntil());
        clinic.as(recordsManager);

        assertThat(refusalCodes(() -> clinic.disposal().dispose(recording.id())))
                .containsExactly(ErrorCode.REC_4);
        assertThat(clinic.disposal().sweep()).isEmpty();
    }

    @Test
    @DisplayName("REC-4: after the retention end the content is destroyed with a register entry naming REC-4")
    void rec4_disposedAfterRetentionEnd() {
        clinic.clock().moveTo(recording.retentionUntil().plusDays(1));

        DestructionEntry entry = clinic.as(recordsManager).disposal().dispose(recording.id());

        assertThat(entry.rule()).isEqualTo(ErrorCode.REC_4);
        assertThat(entry.recording()).isEqualTo(recording.id());
        assertThat(entry.patient()).isEqualTo(ann);
        assertThat(entry.destroyedBy()).isEqualTo(recordsManager.id());
        assertThat(entry.destroyedAt()).isEqualTo(clinic.clock().instant());
        assertThat(entry.sha256()).isEqualTo(recording.content().sha256());
        assertThat(entry.detail()).contains(recording.retentionUntil().toString());
        assertThat(clinic.registers().list(DestructionEntry.class)).containsExactly(entry);
        assertThat(clinic.eraser().erased()).containsExactly(recording.content().key());
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.DESTROYED);
        assertThat(clinic.stored(recording.id()).content()).isNull();
    }

    @Test
    @DisplayName("REC-4: the sweep destroys what is due and keeps what is not")
    void rec4_sweepOnlyWhatIsDue() {
        clinic.clock().moveTo(recording.retentionUntil().plusDays(1));
        Recording younger = clinic.confirmedConsultation(clinic.patient("Bea"), DIRECT_CARE);

        var written = clinic.as(recordsManager).disposal().sweep();

        assertThat(written).extracting(DestructionEntry::recording).containsExactly(recording.id());
        assertThat(clinic.stored(younger.id()).state()).isEqualTo(RecordingState.COMPLETED);
    }

    @Test
    @DisplayName("CON-5, REC-4: the sweep erases every chunk of an upload cut off by a withdrawal and forgets them")
    void con5_sweepErasesTheChunksOfASealedUpload() {
        Recording inProgress = clinic.consultationInProgress(clinic.patient("Cal"), DIRECT_CARE);
        clinic.uploads().append(part(inProgress, 0, "chunks/first"));
        clinic.uploads().append(part(inProgress, 4, "chunks/second"));
        clinic.as(clinic.aClinician()).consents().withdraw(inProgress.consent(), null);

        DisposalReport report = clinic.as(recordsManager).disposal().sweepReport();

        assertThat(report.destroyed()).extracting(DestructionEntry::recording).containsExactly(inProgress.id());
        assertThat(report.objectsErased()).isEqualTo(2);
        assertThat(report.partsRemoved()).isEqualTo(2);
        assertThat(report.kept()).isZero();
        assertThat(report.examined()).isEqualTo(2);
        assertThat(clinic.eraser().erased()).containsExactlyInAnyOrder("chunks/first", "chunks/second");
        assertThat(clinic.uploads().parts(inProgress.id())).isEmpty();
        assertThat(clinic.stored(inProgress.id()).state()).isEqualTo(RecordingState.DESTROYED);
        assertThat(clinic.lastAuditEntry().action()).isEqualTo(AuditAction.DISPOSE);
        assertThat(clinic.lastAuditEntry().detail()).contains("2 stored objects erased");
        assertThat(clinic.registers().list(DestructionEntry.class)).hasSize(1);
    }

    @Test
    @DisplayName("REC-4, REC-5: the sweep's report counts what it destroyed, erased and kept under a legal hold")
    void rec4_sweepReportCountsWhatItDid() {
        clinic.clock().moveTo(recording.retentionUntil().plusDays(1));
        Recording held = clinic.confirmedConsultation(clinic.patient("Bea"), DIRECT_CARE);
        clinic.clock().moveTo(held.retentionUntil().plusDays(1));
        clinic.as(recordsManager).registers().placeLegalHold(held.patient(), LegalAuthority.CLAIM, "CLM-7");

        DisposalReport report = clinic.as(recordsManager).disposal().sweepReport();

        assertThat(report.destroyed()).extracting(DestructionEntry::recording).containsExactly(recording.id());
        assertThat(report.objectsErased()).isEqualTo(1);
        assertThat(report.partsRemoved()).isZero();
        assertThat(report.kept()).isEqualTo(1);
        assertThat(clinic.eraser().erased()).containsExactly(recording.content().key());
    }

    private static UploadPart part(Recording recording, long start, String key) {
        return new UploadPart(recording.id(), start, 4, "video/webm", key, "a".repeat(64), "b".repeat(40));
    }

    @Test
    @DisplayName("REC-4: a destroyed recording cannot be disposed of twice (LIF-1)")
    void rec4_destroyedOnlyOnce() {
        clinic.clock().moveTo(recording.retentionUntil().plusDays(1));
        clinic.as(recordsManager).disposal().dispose(recording.id());

        assertThat(refusalCodes(() -> clinic.disposal().dispose(recording.id())))
                .containsExactly(ErrorCode.LIF_1);
        assertThat(clinic.registers().list(DestructionEntry.class)).hasSize(1);
    }

    @Test
    @DisplayName("REC-4: disposal takes the records privilege (SAF-3)")
    void rec4_needsPrivilege() {
        clinic.clock().moveTo(recording.retentionUntil().plusDays(1));
        clinic.as(clinic.aClinician());

        assertThat(refusalCodes(() -> clinic.disposal().dispose(recording.id())))
                .containsExactly(ErrorCode.SAF_3);
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.COMPLETED);
    }

    @Test
    @DisplayName("REC-5: a legal hold blocks disposal after the retention end; lifting it allows disposal")
    void rec5_legalHoldBlocksDisposal() {
        LegalHold hold =
                clinic.as(recordsManager).registers().placeLegalHold(ann, LegalAuthority.CLAIM, "CLAIM-2025-0042");
        clinic.clock().moveTo(recording.retentionUntil().plusDays(1));

        assertThat(refusalCodes(() -> clinic.disposal().dispose(recording.id())))
                .containsExactly(ErrorCode.REC_5);
        assertThat(clinic.disposal().sweep()).isEmpty();
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.COMPLETED);

        LegalHold lifted = clinic.registers().liftLegalHold(hold.id(), "claim settled");
        clinic.clock().advance(Duration.ofSeconds(1));

        assertThat(lifted.liftedBy()).isEqualTo(recordsManager.id());
        assertThat(clinic.registers().list(LegalHold.class)).containsExactly(lifted);
        assertThat(clinic.disposal().dispose(recording.id()).rule()).isEqualTo(ErrorCode.REC_4);
    }

    @Test
    @DisplayName("REC-5: a legal hold needs its privilege and a case reference; it cannot be lifted twice")
    void rec5_holdNeedsPrivilegeAndReference() {
        clinic.as(clinic.aClinician());
        assertThat(refusalCodes(() -> clinic.registers().placeLegalHold(ann, LegalAuthority.COMPLAINT, "CMP-1")))
                .containsExactly(ErrorCode.SAF_3);

        clinic.as(recordsManager);
        assertThat(refusalCodes(() -> clinic.registers().placeLegalHold(ann, LegalAuthority.COMPLAINT, " ")))
                .containsExactly(ErrorCode.REC_5);
        LegalHold hold = clinic.registers().placeLegalHold(ann, LegalAuthority.COMPLAINT, "CMP-1");
        clinic.registers().liftLegalHold(hold.id(), "withdrawn");
        assertThat(refusalCodes(() -> clinic.registers().liftLegalHold(hold.id(), "again")))
                .containsExactly(ErrorCode.LIF_1);
    }
}
