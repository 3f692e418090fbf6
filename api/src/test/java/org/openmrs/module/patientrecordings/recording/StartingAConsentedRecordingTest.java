/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DEFENCE;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.ULTRASOUND;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.register.PatientObjection;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** RecordingService.start applies the consent rules for recordings that staff make. */
@DisplayName("Starting a clinician recording")
class StartingAConsentedRecordingTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();

    @Test
    @DisplayName("CON-1: a consultation with the patient's consent to every purpose starts, in progress")
    void con1_startsWithConsentCoveringKindAndEveryPurpose() {
        RecordingConsent consent = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE, TRAINING);

        Started started = clinic.as(doctor)
                .recordings()
                .start(clinic.aConsultationOf(ann)
                        .forPurposes(DIRECT_CARE, TRAINING)
                        .build());

        assertThat(started.recording().state()).isEqualTo(RecordingState.IN_PROGRESS);
        assertThat(started.recording().consent()).isEqualTo(consent.id());
        assertThat(started.recording().operator()).isEqualTo(doctor.id());
        assertThat(clinic.stored(started.recording().id())).isEqualTo(started.recording());
    }

    @Test
    @DisplayName("CON-1: a consultation without any consent is refused and nothing is stored")
    void con1_refusesWithoutConsent() {
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann))))
                .containsExactly(ErrorCode.CON_1);
        assertThat(clinic.recordingRepository().findByPatient(ann)).isEmpty();
    }

    @Test
    @DisplayName("CON-1: consent to direct care does not cover a purpose it does not name (training)")
    void con1_refusesWhenAPurposeIsNotCovered() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).forPurposes(DIRECT_CARE, TRAINING))))
                .containsExactly(ErrorCode.CON_1);
    }

    @Test
    @DisplayName("CON-1: consent to record a consultation does not cover a procedure")
    void con1_refusesWhenTheKindIsNotCovered() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.aProcedureOf(ann)))).containsExactly(ErrorCode.CON_1);
    }

    @Test
    @DisplayName("CON-1: a withdrawn consent no longer covers a new recording")
    void con1_refusesAfterWithdrawal() {
        RecordingConsent consent = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(doctor).consents().withdraw(consent.id(), "changed my mind");

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann))))
                .containsExactly(ErrorCode.CON_1);
    }

    @Test
    @DisplayName("CON-1: the refusal is audited with its code")
    void con1_refusalIsAudited() {
        clinic.as(doctor);
        refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann)));

        var entry = clinic.lastAuditEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
        assertThat(entry.user()).isEqualTo(doctor.id());
        assertThat(entry.patient()).isEqualTo(ann);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.refused(ErrorCode.CON_1));
    }

    @Test
    @DisplayName("CON-4: a recording for a purpose the patient refused cannot start")
    void con4_refusedPurposeBlocksRecording() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.withheldConsent(ann, CONSULTATION, TRAINING);
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).forPurposes(DIRECT_CARE, TRAINING))))
                .contains(ErrorCode.CON_4)
                .doesNotContain(ErrorCode.CON_1);
    }

    @Test
    @DisplayName("CON-4: refusing training leaves a recording for direct care possible")
    void con4_otherPurposesStillAllowed() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.withheldConsent(ann, CONSULTATION, TRAINING);

        Recording recording =
                clinic.as(doctor).start(clinic.aConsultationOf(ann).forPurposes(DIRECT_CARE));

        assertThat(recording.purposes()).containsExactly(DIRECT_CARE);
    }

    @Test
    @DisplayName("CON-4: consent given after a refusal counts, the latest decision wins")
    void con4_laterConsentOverridesRefusal() {
        clinic.withheldConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.clock().advance(java.time.Duration.ofDays(1));
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);

        Recording recording = clinic.as(doctor).start(clinic.aConsultationOf(ann));

        assertThat(recording.state()).isEqualTo(RecordingState.IN_PROGRESS);
    }

    @Test
    @DisplayName("CON-9: an ultrasound for direct care needs no separate recording consent")
    void con9_implicitKindStartsWithoutConsent() {
        Recording recording = clinic.as(doctor).start(clinic.anUltrasoundOf(ann));

        assertThat(recording.state()).isEqualTo(RecordingState.IN_PROGRESS);
        assertThat(recording.consent()).isNull();
    }

    @Test
    @DisplayName("CON-9: an ultrasound also made for training needs consent to training")
    void con9_secondaryPurposeOfImplicitKindNeedsConsent() {
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.anUltrasoundOf(ann).forPurposes(DIRECT_CARE, TRAINING))))
                .containsExactly(ErrorCode.CON_9);
    }

    @Test
    @DisplayName("CON-9: with consent to training, an ultrasound for training starts")
    void con9_secondaryPurposeWithConsentStarts() {
        clinic.givenConsent(ann, ULTRASOUND, TRAINING);

        Recording recording = clinic.as(doctor).start(clinic.anUltrasoundOf(ann).forPurposes(DIRECT_CARE, TRAINING));

        assertThat(recording.purposes()).containsExactlyInAnyOrder(DIRECT_CARE, TRAINING);
    }

    @Test
    @DisplayName("CON-10: a standing objection blocks a clinician recording even with consent on file")
    void con10_standingObjectionBlocks() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(doctor).registers().recordPatientObjection(ann, "I do not want to be filmed");

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann))))
                .containsExactly(ErrorCode.CON_10);
    }

    @Test
    @DisplayName("CON-10: a standing objection blocks implicit-consent kinds too")
    void con10_blocksImplicitKinds() {
        clinic.as(doctor).registers().recordPatientObjection(ann, null);

        assertThat(refusalCodes(() -> clinic.start(clinic.anUltrasoundOf(ann)))).containsExactly(ErrorCode.CON_10);
    }

    @Test
    @DisplayName("CON-10: once the objection is lifted, recording is allowed again")
    void con10_liftingAllowsAgain() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        PatientObjection objection = clinic.as(doctor).registers().recordPatientObjection(ann, null);
        clinic.clock().advance(java.time.Duration.ofMinutes(5));
        clinic.registers().liftPatientObjection(objection.id());

        Recording recording = clinic.start(clinic.aConsultationOf(ann));

        assertThat(recording.state()).isEqualTo(RecordingState.IN_PROGRESS);
    }

    @Test
    @DisplayName("CON-10: another patient's objection does not block this patient")
    void con10_onlyTheObjectingPatient() {
        PatientId bob = clinic.patient("Bob");
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(doctor).registers().recordPatientObjection(bob, null);

        assertThat(clinic.start(clinic.aConsultationOf(ann)).state()).isEqualTo(RecordingState.IN_PROGRESS);
    }

    @Test
    @DisplayName("CON-11: without a stated reason a defensive recording is refused")
    void con11_refusedWithoutReason() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).forPurposes(DIRECT_CARE, DEFENCE))))
                .contains(ErrorCode.CON_11);
    }

    @Test
    @DisplayName("CON-11: with a stated reason it starts with a warning, the reason kept and the recording flagged")
    void con11_warnsAndRecordsTheReason() {
        clinic.as(doctor)
                .consents()
                .give(clinic.aConsentOf(ann)
                        .forKinds(CONSULTATION)
                        .forPurposes(DIRECT_CARE, DEFENCE)
                        .defenceReason("previous complaint about this consultation")
                        .build());

        Started started = clinic.recordings()
                .start(clinic.aConsultationOf(ann)
                        .forPurposes(DIRECT_CARE, DEFENCE)
                        .defenceReason("previous complaint about this consultation")
                        .build());

        assertThat(started.warnings()).extracting(r -> r.code()).containsExactly(ErrorCode.CON_11);
        assertThat(started.recording().defenceReason()).isEqualTo("previous complaint about this consultation");
        assertThat(started.recording().hasFlag(RecordingFlag.DEFENSIVE_PURPOSE)).isTrue();
        assertThat(clinic.lastAuditEntry().detail()).contains("CON-11");
    }

    @Test
    @DisplayName("CON-1: the recording names the consent that covers it, not a later one for another kind")
    void con1_governingConsentIsOfTheRecordingsKind() {
        RecordingConsent consultations = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.clock().advance(Duration.ofMinutes(5));
        clinic.givenConsent(ann, ULTRASOUND, DIRECT_CARE);

        Recording started = clinic.as(doctor).start(clinic.aConsultationOf(ann).forPurposes(DIRECT_CARE));

        assertThat(started.consent()).isEqualTo(consultations.id());
    }

    @Test
    @DisplayName("CON-1: the recording names the consent that covers it, not a later one for other purposes only")
    void con1_governingConsentIsForTheRecordingsPurposes() {
        RecordingConsent directCare = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.clock().advance(Duration.ofMinutes(5));
        clinic.givenConsent(ann, CONSULTATION, TRAINING);

        Recording started = clinic.as(doctor).start(clinic.aConsultationOf(ann).forPurposes(DIRECT_CARE));

        assertThat(started.consent()).isEqualTo(directCare.id());
    }

    @Test
    @DisplayName("CON-1: the recording names a consent in force, not a later one since withdrawn")
    void con1_governingConsentIsGiven() {
        RecordingConsent wide = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE, TRAINING);
        clinic.clock().advance(Duration.ofMinutes(5));
        RecordingConsent narrow = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.clock().advance(Duration.ofMinutes(5));
        clinic.as(doctor).consents().withdraw(narrow.id(), null);

        Recording started = clinic.start(clinic.aConsultationOf(ann).forPurposes(DIRECT_CARE));

        assertThat(started.consent()).isEqualTo(wide.id());
    }
}
