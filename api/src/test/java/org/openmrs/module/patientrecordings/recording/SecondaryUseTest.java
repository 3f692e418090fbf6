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

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
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
                        .thirdPartiesCaptured(true)
                        .build());
        RecordingId derivative = anonymisedDerivativeOf(capturingOthers);

        Recording used = clinic.as(educator).recordings().use(derivative, use(TRAINING));

        assertThat(used.id()).isEqualTo(derivative);
    }

    /**
     * No service makes derivatives yet (the anonymiser belongs to the content store), so the derivative is stored
     * through the repository, as the anonymiser will store it.
     */
    private RecordingId anonymisedDerivativeOf(Recording source) {
        Recording derivative = source.toBuilder()
                .id(RecordingId.random())
                .derivativeOf(source.id())
                .purposes(Set.of(TRAINING))
                .thirdPartiesCaptured(false)
                .consent(null)
                .state(RecordingState.COMPLETED)
                .version(0)
                .build();
        return clinic.recordingRepository().save(derivative).id();
    }

    private static UseContext use(Purpose purpose) {
        return new UseContext(UseAction.PLAY, purpose, null, false, null);
    }
}
