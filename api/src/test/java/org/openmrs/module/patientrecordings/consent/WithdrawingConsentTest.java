/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.support.Contents.contentOf;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;
import org.openmrs.module.patientrecordings.recording.UseContext;
import org.openmrs.module.patientrecordings.register.DestructionEntry;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** Withdrawal during (CON-5) and after (CON-6) a recording, carried through to disposal. */
@DisplayName("Withdrawing consent")
class WithdrawingConsentTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();
    private final StaffMember recordsManager = clinic.aRecordsManager();

    @Test
    @DisplayName("CON-5: withdrawal during a recording stops it at once and seals it")
    void con5_withdrawalDuringRecordingSeals() {
        Recording recording = clinic.consultationInProgress(ann, DIRECT_CARE);
        clinic.as(doctor).recordings().attachContent(recording.id(), contentOf("first minutes"));
        clinic.clock().advance(Duration.ofMinutes(4));

        var withdrawn = clinic.consents().withdraw(recording.consent(), "stop, please");

        Recording sealed = clinic.stored(recording.id());
        assertThat(withdrawn.consent().state()).isEqualTo(ConsentState.WITHDRAWN);
        assertThat(withdrawn.changed()).extracting(Recording::id).containsExactly(recording.id());
        assertThat(sealed.state()).isEqualTo(RecordingState.SEALED);
        assertThat(sealed.endedAt()).isEqualTo(clinic.clock().instant());
        assertThat(sealed.hasFlag(RecordingFlag.WITHDRAWN_DURING_RECORDING)).isTrue();
        assertThat(clinic.notes().last().text()).contains("sealed");
        assertThat(withdrawn.consent().history()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ConsentEventType.WITHDRAWN);
            assertThat(e.recording()).as("the recording the withdrawal stopped").isEqualTo(recording.id());
            assertThat(e.by()).isEqualTo(doctor.id());
            assertThat(e.comment()).isEqualTo("stop, please");
        });
    }

    @Test
    @DisplayName("CON-5: the withdrawal names the recording it stopped, not another of the patient's recordings")
    void con5_historyNamesTheStoppedRecordingAmongOthers() {
        Recording earlier = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.clock().advance(Duration.ofMinutes(5));
        Recording recording = clinic.consultationInProgress(ann, DIRECT_CARE);

        var withdrawn = clinic.as(doctor).consents().withdraw(recording.consent(), null);

        assertThat(withdrawn.plan()).hasSize(2);
        assertThat(withdrawn.changed()).extracting(Recording::id).containsExactly(recording.id());
        assertThat(clinic.stored(earlier.id()).state()).isEqualTo(RecordingState.COMPLETED);
        assertThat(withdrawn.consent().history())
                .last()
                .extracting(ConsentEvent::recording)
                .isEqualTo(recording.id());
        assertThat(clinic.notes().last().encounter())
                .isEqualTo(recording.encounter())
                .isNotEqualTo(earlier.encounter());
    }

    @Test
    @DisplayName("NF-1: withdrawing a consent that does not exist is refused, naming it")
    void nf1_unknownConsentCannotBeWithdrawn() {
        ConsentId unknown = ConsentId.random();

        assertThat(refusalCodes(() -> clinic.as(doctor).consents().withdraw(unknown, null)))
                .containsExactly(ErrorCode.NF_1);
        assertThatThrownBy(() -> clinic.consents().withdraw(unknown, null)).hasMessageContaining(unknown.value());
    }

    @Test
    @DisplayName("CON-5: after the withdrawal no further content is attached (LIF-1)")
    void con5_noContentAfterWithdrawal() {
        Recording recording = clinic.consultationInProgress(ann, DIRECT_CARE);
        clinic.as(doctor).consents().withdraw(recording.consent(), null);

        assertThat(refusalCodes(() -> clinic.recordings().attachContent(recording.id(), contentOf("later minutes"))))
                .containsExactly(ErrorCode.LIF_1);
        assertThat(clinic.stored(recording.id()).content()).isNull();
    }

    @Test
    @DisplayName("CON-5: sealed content cannot be played, copied or disclosed, nor found by a search")
    void con5_sealedContentCannotBeUsed() {
        Recording recording = clinic.consultationInProgress(ann, DIRECT_CARE);
        clinic.as(doctor).consents().withdraw(recording.consent(), null);

        assertThat(refusalCodes(() -> clinic.recordings().use(recording.id(), UseContext.directCare(UseAction.PLAY))))
                .containsExactly(ErrorCode.CON_5);
        assertThat(refusalCodes(() -> clinic.recordings().use(recording.id(), UseContext.directCare(UseAction.COPY))))
                .containsExactly(ErrorCode.CON_5);
        assertThat(clinic.recordings().findForPatient(ann)).isEmpty();
        clinic.as(recordsManager);
        assertThat(refusalCodes(() -> clinic.recordings()
                        .use(
                                recording.id(),
                                new UseContext(UseAction.DISCLOSE, DIRECT_CARE, LegalAuthority.CLAIM, true, null))))
                .contains(ErrorCode.CON_5);
    }

    @Test
    @DisplayName("CON-5: the disposal sweep destroys the sealed content with a destruction-register entry under CON-5")
    void con5_sweepDestroysUnderCon5() {
        Recording recording = clinic.consultationInProgress(ann, DIRECT_CARE);
        var content = contentOf("captured before the withdrawal");
        clinic.as(doctor).recordings().attachContent(recording.id(), content);
        clinic.consents().withdraw(recording.consent(), null);

        var written = clinic.as(recordsManager).disposal().sweep();

        assertThat(written).singleElement().satisfies(entry -> {
            assertThat(entry.recording()).isEqualTo(recording.id());
            assertThat(entry.rule()).isEqualTo(ErrorCode.CON_5);
            assertThat(entry.sha256()).isEqualTo(content.sha256());
            assertThat(entry.destroyedBy()).isEqualTo(recordsManager.id());
        });
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.DESTROYED);
        assertThat(clinic.stored(recording.id()).content()).isNull();
        assertThat(clinic.eraser().erased()).containsExactly(content.key());
        assertThat(clinic.registers().list(DestructionEntry.class)).hasSize(1);
    }

    @Test
    @DisplayName("CON-5, REC-5: under a legal hold the sealed recording is kept by the sweep until the hold is lifted")
    void con5_legalHoldKeepsSealedRecording() {
        Recording recording = clinic.consultationInProgress(ann, DIRECT_CARE);
        clinic.as(doctor).consents().withdraw(recording.consent(), null);
        var hold = clinic.as(recordsManager).registers().placeLegalHold(ann, LegalAuthority.COMPLAINT, "CMP-2025-12");

        assertThat(clinic.disposal().sweep()).isEmpty();
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.SEALED);

        clinic.clock().advance(Duration.ofDays(60));
        clinic.registers().liftLegalHold(hold.id(), "complaint resolved");
        assertThat(clinic.disposal().sweep()).extracting(DestructionEntry::rule).containsExactly(ErrorCode.CON_5);
    }

    @Test
    @DisplayName("CON-6: withdrawing the training consent keeps a recording for care and ends its training use")
    void con6_directCareKeptSecondaryUsesEnd() {
        RecordingConsent care = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        RecordingConsent teaching = clinic.givenConsent(ann, CONSULTATION, TRAINING);
        clinic.as(doctor);
        Recording recording = clinic.start(
                clinic.aConsultationOf(ann).in(clinic.encounterWithNoteOf(ann)).forPurposes(DIRECT_CARE, TRAINING));
        clinic.recordings().complete(recording.id());
        clinic.consents().confirmAfterRecording(recording.id(), true, false, null, null);
        assertThat(clinic.recordings().use(recording.id(), training()).id()).isEqualTo(recording.id());
        LocalDate retentionBefore = clinic.stored(recording.id()).retentionUntil();
        clinic.clock().advance(Duration.ofDays(10));

        var withdrawn = clinic.consents().withdraw(teaching.id(), "no more teaching");

        Recording kept = clinic.stored(recording.id());
        assertThat(withdrawn.changed()).extracting(Recording::id).containsExactly(recording.id());
        assertThat(kept.state()).isEqualTo(RecordingState.COMPLETED);
        assertThat(kept.purposes()).containsExactly(DIRECT_CARE);
        assertThat(kept.retentionUntil()).isEqualTo(retentionBefore).isNotNull();
        assertThat(refusalCodes(() -> clinic.recordings().use(recording.id(), training())))
                .containsExactly(ErrorCode.CON_6);
        assertThat(clinic.recordings()
                        .use(recording.id(), UseContext.directCare(UseAction.PLAY))
                        .id())
                .isEqualTo(recording.id());
        assertThat(clinic.as(recordsManager).disposal().sweep()).isEmpty();
        assertThat(clinic.consentRepository().find(care.id()).orElseThrow().state())
                .isEqualTo(ConsentState.GIVEN);
    }

    @Test
    @DisplayName("CON-6: withdrawing the one consent of a direct-care and training recording keeps it for care")
    void con6_singleConsentWithdrawalKeepsClinicalRecord() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE, TRAINING);
        clinic.clock().advance(Duration.ofDays(10));

        clinic.as(doctor).consents().withdraw(recording.consent(), "no more teaching");

        Recording kept = clinic.stored(recording.id());
        assertThat(kept.state()).isEqualTo(RecordingState.COMPLETED);
        assertThat(kept.purposes()).containsExactly(DIRECT_CARE);
        assertThat(refusalCodes(() -> clinic.recordings().use(recording.id(), training())))
                .containsExactly(ErrorCode.CON_6);
    }

    @Test
    @DisplayName("CON-6: a recording made only for training is sealed and destroyed with a register entry under CON-6")
    void con6_trainingOnlyRecordingDestroyed() {
        Recording recording = clinic.confirmedConsultation(ann, TRAINING);
        clinic.as(doctor).consents().withdraw(recording.consent(), null);

        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.SEALED);
        assertThat(refusalCodes(() -> clinic.recordings().use(recording.id(), training())))
                .contains(ErrorCode.CON_5);

        var written = clinic.as(recordsManager).disposal().sweep();
        assertThat(written).singleElement().satisfies(entry -> {
            assertThat(entry.recording()).isEqualTo(recording.id());
            assertThat(entry.rule()).isEqualTo(ErrorCode.CON_6);
        });
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.DESTROYED);
    }

    @Test
    @DisplayName("CON-6: withdrawing one consent leaves recordings that a later consent still covers untouched")
    void con6_otherConsentStillCovers() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE, TRAINING);
        clinic.clock().advance(Duration.ofMinutes(1));
        // A later consent on the same kinds and purposes would supersede it; this one covers training alone.
        clinic.givenConsent(ann, CONSULTATION, TRAINING);
        clinic.clock().advance(Duration.ofMinutes(1));

        var withdrawn = clinic.as(doctor).consents().withdraw(recording.consent(), null);

        assertThat(withdrawn.changed()).isEmpty();
        assertThat(clinic.stored(recording.id()).purposes()).containsExactlyInAnyOrder(DIRECT_CARE, TRAINING);
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.COMPLETED);
    }

    @Test
    @DisplayName("CON-6: a recording whose training purpose another consent still covers may still be used for it")
    void con6_otherConsentStillCoversUse() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE, TRAINING);
        clinic.clock().advance(Duration.ofMinutes(1));
        // A later consent on the same kinds and purposes would supersede it; this one covers training alone.
        clinic.givenConsent(ann, CONSULTATION, TRAINING);
        clinic.clock().advance(Duration.ofMinutes(1));
        clinic.as(doctor).consents().withdraw(recording.consent(), null);

        assertThat(clinic.recordings().use(recording.id(), training()).id()).isEqualTo(recording.id());
    }

    private static UseContext training() {
        return new UseContext(UseAction.PLAY, TRAINING, null, false, null);
    }
}
