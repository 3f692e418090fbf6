/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.PROCEDURE;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;
import org.openmrs.module.patientrecordings.recording.UseContext;
import org.openmrs.module.patientrecordings.register.DestructionEntry;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** CON-7: after a clinician recording the patient may confirm or refuse; until they confirm, direct care only. */
@DisplayName("CON-7: confirmation after the recording")
class ConfirmationAfterRecordingTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();

    @Test
    @DisplayName("CON-7: until the patient confirms, the recording serves direct care but not training")
    void con7_directCareOnlyUntilConfirmed() {
        Recording pending = clinic.completedConsultation(ann, DIRECT_CARE, TRAINING);
        clinic.as(doctor);

        assertThat(clinic.recordings()
                        .use(pending.id(), UseContext.directCare(UseAction.PLAY))
                        .id())
                .isEqualTo(pending.id());
        assertThat(refusalCodes(() -> clinic.recordings().use(pending.id(), training())))
                .containsExactly(ErrorCode.CON_7);
    }

    @Test
    @DisplayName("CON-7: the patient's confirmation is recorded and then allows the training use")
    void con7_confirmationAllowsSecondaryUse() {
        Recording pending = clinic.completedConsultation(ann, DIRECT_CARE, TRAINING);

        Recording confirmed = clinic.as(doctor)
                .consents()
                .confirmAfterRecording(pending.id(), true, true, null, "watched it, fine to use");

        assertThat(confirmed.state()).isEqualTo(RecordingState.COMPLETED);
        assertThat(confirmed.hasFlag(RecordingFlag.CONFIRMED)).isTrue();
        assertThat(clinic.consentRepository()
                        .find(pending.consent())
                        .orElseThrow()
                        .history())
                .last()
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(ConsentEventType.CONFIRMED_AFTER_RECORDING);
                    assertThat(e.recording()).isEqualTo(pending.id());
                    assertThat(e.by()).isEqualTo(doctor.id());
                });
        assertThat(clinic.recordings().use(pending.id(), training()).id()).isEqualTo(pending.id());
    }

    @Test
    @DisplayName(
            "CON-7: procedure footage viewed by the patient needs the attestation that they were told what they would see")
    void con7_procedureViewingNeedsAttestation() {
        clinic.givenConsent(ann, PROCEDURE, DIRECT_CARE);
        clinic.as(doctor);
        Recording procedure = clinic.start(clinic.aProcedureOf(ann).in(clinic.encounterWithNoteOf(ann)));
        clinic.recordings().complete(procedure.id());

        assertThat(refusalCodes(() -> clinic.consents().confirmAfterRecording(procedure.id(), true, true, null, null)))
                .containsExactly(ErrorCode.CON_7);
        assertThat(clinic.stored(procedure.id()).state()).isEqualTo(RecordingState.PENDING_CONFIRMATION);

        Recording confirmed = clinic.consents().confirmAfterRecording(procedure.id(), true, true, true, null);
        assertThat(confirmed.state()).isEqualTo(RecordingState.COMPLETED);
    }

    @Test
    @DisplayName("CON-7: procedure footage the patient did not view needs no attestation")
    void con7_procedureNotViewedNeedsNoAttestation() {
        clinic.givenConsent(ann, PROCEDURE, DIRECT_CARE);
        clinic.as(doctor);
        Recording procedure = clinic.start(clinic.aProcedureOf(ann).in(clinic.encounterWithNoteOf(ann)));
        clinic.recordings().complete(procedure.id());

        assertThat(clinic.consents()
                        .confirmAfterRecording(procedure.id(), true, false, null, null)
                        .state())
                .isEqualTo(RecordingState.COMPLETED);
    }

    @Test
    @DisplayName("CON-7: a refusal is recorded and ends the secondary uses; the recording stays for direct care")
    void con7_refusalEndsSecondaryUses() {
        Recording pending = clinic.completedConsultation(ann, DIRECT_CARE, TRAINING);

        Recording refused =
                clinic.as(doctor).consents().confirmAfterRecording(pending.id(), false, true, null, "not for teaching");

        assertThat(refused.state()).isEqualTo(RecordingState.COMPLETED);
        assertThat(refused.purposes()).containsExactly(DIRECT_CARE);
        assertThat(refused.hasFlag(RecordingFlag.CONFIRMATION_REFUSED)).isTrue();
        assertThat(clinic.consentRepository()
                        .find(pending.consent())
                        .orElseThrow()
                        .history())
                .last()
                .satisfies(e -> assertThat(e.type()).isEqualTo(ConsentEventType.REFUSED_AFTER_RECORDING));
        assertThat(refusalCodes(() -> clinic.recordings().use(pending.id(), training())))
                .containsExactly(ErrorCode.CON_6);
        assertThat(clinic.recordings()
                        .use(pending.id(), UseContext.directCare(UseAction.PLAY))
                        .id())
                .isEqualTo(pending.id());
    }

    @Test
    @DisplayName("CON-7: a refusal after one recording leaves the consent in force for the patient's other recordings")
    void con7_refusalConcernsThatRecordingOnly() {
        Recording first = clinic.completedConsultation(ann, DIRECT_CARE, TRAINING);
        clinic.as(doctor);
        Recording second = clinic.start(
                clinic.aConsultationOf(ann).in(clinic.encounterWithNoteOf(ann)).forPurposes(DIRECT_CARE, TRAINING));
        clinic.recordings().complete(second.id());
        clinic.consents().confirmAfterRecording(second.id(), true, false, null, null);

        clinic.consents().confirmAfterRecording(first.id(), false, false, null, null);

        assertThat(second.consent()).isEqualTo(first.consent());
        assertThat(clinic.recordings().use(second.id(), training()).id()).isEqualTo(second.id());
        assertThat(refusalCodes(() -> clinic.recordings().use(first.id(), training())))
                .containsExactly(ErrorCode.CON_6);
    }

    @Test
    @DisplayName(
            "CON-7: a recording made only for training that the patient refuses is sealed and destroyed under CON-7")
    void con7_refusedTrainingOnlyRecordingDestroyed() {
        Recording pending = clinic.completedConsultation(ann, TRAINING);

        Recording refused = clinic.as(doctor).consents().confirmAfterRecording(pending.id(), false, false, null, null);

        assertThat(refused.state()).isEqualTo(RecordingState.SEALED);
        var written = clinic.as(clinic.aRecordsManager()).disposal().sweep();
        assertThat(written).extracting(DestructionEntry::rule).containsExactly(ErrorCode.CON_7);
        assertThat(clinic.stored(pending.id()).state()).isEqualTo(RecordingState.DESTROYED);
    }

    @Test
    @DisplayName("CON-7: only a recording awaiting confirmation can be confirmed (LIF-1)")
    void con7_onlyPendingRecordingsAreConfirmed() {
        Recording confirmed = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.consents().confirmAfterRecording(confirmed.id(), true, false, null, null)))
                .containsExactly(ErrorCode.LIF_1);
    }

    private static UseContext training() {
        return new UseContext(UseAction.PLAY, TRAINING, null, false, null);
    }
}
