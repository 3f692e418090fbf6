/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.AUDIT;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.RESEARCH;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.ULTRASOUND;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.patientrecordings.domain.DeIdentification;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.SitePolicyBuilder;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** Secondary uses need consent or an anonymised derivative (SEC-1..3), within the site's policy (POL-1). */
@DisplayName("Secondary use of recordings")
class SecondaryUseTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember educator = clinic.aClinician();

    @Test
    @DisplayName("SEC-1: a confirmed recording with consent to training may be played for training")
    void sec1_consentedSecondaryUseAllowed() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE, TRAINING);

        Recording used = clinic.as(educator).recordings().use(recording.id(), use(TRAINING));

        assertThat(used.id()).isEqualTo(recording.id());
    }

    @Test
    @DisplayName("SEC-1: an ultrasound made for direct care cannot be used for training without consent")
    void sec1_implicitKindSecondaryUseNeedsConsent() {
        Recording scan = clinic.as(educator).start(clinic.anUltrasoundOf(ann));
        clinic.recordings().complete(scan.id());

        assertThat(refusalCodes(() -> clinic.recordings().use(scan.id(), use(TRAINING))))
                .containsExactly(ErrorCode.SEC_2);

        clinic.givenConsent(ann, ULTRASOUND, TRAINING);
        assertThat(clinic.recordings().use(scan.id(), use(TRAINING)).id()).isEqualTo(scan.id());
    }

    @Test
    @DisplayName("SEC-2: a use for a purpose outside the consent is refused until further consent is given")
    void sec2_outOfScopePurposeRefusedUntilFurtherConsent() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE, TRAINING);
        clinic.as(educator);

        assertThat(refusalCodes(() -> clinic.recordings().use(recording.id(), use(AUDIT))))
                .containsExactly(ErrorCode.SEC_2);

        clinic.givenConsent(ann, CONSULTATION, AUDIT);
        assertThat(clinic.recordings().use(recording.id(), use(AUDIT)).id()).isEqualTo(recording.id());
    }

    @Test
    @DisplayName("SEC-1, POL-1: research the site has its Caldicott Guardian approve needs that approval")
    void sec1_siteApprovalForResearch() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE, RESEARCH);
        clinic.as(educator);

        assertThat(refusalCodes(() -> clinic.recordings().use(recording.id(), use(RESEARCH))))
                .containsExactly(ErrorCode.POL_1);
        assertThat(clinic.recordings()
                        .use(
                                recording.id(),
                                new UseContext(
                                        UseAction.PLAY, RESEARCH, null, false, SitePolicyBuilder.CALDICOTT_GUARDIAN))
                        .id())
                .isEqualTo(recording.id());
    }

    @Test
    @DisplayName("SEC-3: an anonymised derivative, linked to its source, may be used for training without consent")
    void sec3_anonymisedDerivativeMayBeUsed() {
        Recording source = clinic.confirmedConsultation(ann, DIRECT_CARE);
        RecordingId derivative = anonymisedDerivativeOf(source);
        clinic.as(educator);

        assertThat(refusalCodes(() -> clinic.recordings().use(source.id(), use(TRAINING))))
                .containsExactly(ErrorCode.SEC_2);
        Recording used = clinic.recordings().use(derivative, use(TRAINING));
        assertThat(used.derivativeOf()).isEqualTo(source.id());
    }

    @Test
    @DisplayName("SEC-3, STF-2: a derivative counts as redacted: other people captured in the source do not block it")
    void sec3_derivativeOfRecordingCapturingOthers() {
        Recording source = clinic.confirmedConsultation(ann, DIRECT_CARE);
        Recording capturingOthers = clinic.recordingRepository()
                .save(clinic.stored(source.id()).toBuilder()
                        .thirdParties(List.of(new CapturedParty(CapturedParty.Role.STAFF, "nurse-2", null, false)))
                        .build());
        RecordingId derivative = anonymisedDerivativeOf(capturingOthers);

        Recording used = clinic.as(educator).recordings().use(derivative, use(TRAINING));

        assertThat(used.id()).isEqualTo(derivative);
    }

    @ParameterizedTest
    @EnumSource(DeIdentification.class)
    @DisplayName("SEC-3: a derivative keeps how it was de-identified, through its completion")
    void sec3_derivativeKeepsItsDeIdentification(DeIdentification level) {
        Recording source = clinic.confirmedConsultation(ann, DIRECT_CARE);

        Recording derivative = clinic.stored(derivativeOf(source, level));

        assertThat(derivative.deIdentification()).isEqualTo(level);
        assertThat(clinic.recordingRepository().history(derivative.id()))
                .extracting(Recording::deIdentification)
                .containsOnly(level);
    }

    @Test
    @DisplayName("SEC-3, SAF-4: a derivative is not made without saying how it is de-identified")
    void sec3_derivativeNeedsItsDeIdentification() {
        Recording source = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.as(clinic.aClinician());

        assertThat(refusalCodes(
                        () -> clinic.recordings().startAnonymisedDerivative(source.id(), Set.of(TRAINING), null)))
                .containsExactly(ErrorCode.SAF_4);
    }

    /** The derivative made through the service, its de-identified content uploaded and completed. */
    private RecordingId anonymisedDerivativeOf(Recording source) {
        return derivativeOf(source, DeIdentification.ANONYED);
    }

    private RecordingId derivativeOf(Recording source, DeIdentification level) {
        return clinic.as(clinic.aClinician(), () -> {
            Recording derivative = clinic.recordings()
                    .startAnonymisedDerivative(source.id(), Set.of(TRAINING), level)
                    .recording();
            clinic.recordings()
                    .attachContent(
                            derivative.id(),
                            new RecordedContent(
                                    "recordings/" + derivative.id(),
                                    "video/webm",
                                    10,
                                    "ab".repeat(32),
                                    "cd".repeat(20)));
            return clinic.recordings().complete(derivative.id()).recording().id();
        });
    }

    @Test
    @DisplayName("SEC-3: a derivative is its own completed recording, linked to its source, needing no confirmation")
    void sec3_derivativeIsItsOwnRecording() {
        Recording source = clinic.confirmedConsultation(ann, DIRECT_CARE);

        Recording derivative = clinic.stored(anonymisedDerivativeOf(source));

        assertThat(derivative.id()).isNotEqualTo(source.id());
        assertThat(derivative.derivativeOf()).isEqualTo(source.id());
        assertThat(derivative.patient()).isEqualTo(source.patient());
        assertThat(derivative.state()).isEqualTo(RecordingState.COMPLETED);
        assertThat(derivative.purposes()).containsExactly(TRAINING);
        assertThat(derivative.consent()).isNull();
    }

    @Test
    @DisplayName("SEC-3: a derivative serves secondary purposes and is never made from sealed content (CON-5)")
    void sec3_derivativeRefusals() {
        Recording source = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.as(clinic.aClinician());

        assertThat(refusalCodes(() -> clinic.recordings()
                        .startAnonymisedDerivative(source.id(), Set.of(DIRECT_CARE), DeIdentification.ANONYED)))
                .containsExactly(ErrorCode.SEC_3);
        assertThat(refusalCodes(() ->
                        clinic.recordings().startAnonymisedDerivative(source.id(), Set.of(), DeIdentification.ANONYED)))
                .containsExactly(ErrorCode.SAF_4);

        // Another patient, whose only consent is withdrawn while recording.
        Recording inProgress = clinic.consultationInProgress(clinic.patient("Bea"), DIRECT_CARE);
        clinic.as(clinic.aClinician()).consents().withdraw(inProgress.consent(), null);
        assertThat(refusalCodes(() -> clinic.recordings()
                        .startAnonymisedDerivative(inProgress.id(), Set.of(TRAINING), DeIdentification.ANONYED)))
                .contains(ErrorCode.CON_5);
    }

    @Test
    @DisplayName("SEC-3, SAF-3: making a derivative takes the privilege to create recordings")
    void sec3_derivativeNeedsPrivilege() {
        Recording source = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.as(clinic.aUserWith(Privilege.VIEW_RECORDINGS));

        assertThat(refusalCodes(() -> clinic.recordings()
                        .startAnonymisedDerivative(source.id(), Set.of(TRAINING), DeIdentification.ANONYED)))
                .containsExactly(ErrorCode.SAF_3);
    }

    private static UseContext use(Purpose purpose) {
        return new UseContext(UseAction.PLAY, purpose, null, false, null);
    }
}
