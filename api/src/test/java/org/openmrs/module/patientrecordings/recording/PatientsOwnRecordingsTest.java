/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.register.SitePolicyBreach;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.SitePolicyBuilder;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** Recordings that patients make (PAT-1), share (PAT-2), and site no-filming areas (PAT-3). */
@DisplayName("Recordings that patients make")
class PatientsOwnRecordingsTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember receptionist = clinic.aClinician();

    @Test
    @DisplayName("PAT-1: a patient's own recording needs no consent and is not blocked by their standing objection")
    void pat1_ownRecordingNeverBlocked() {
        clinic.as(receptionist).registers().recordPatientObjection(ann, "no staff recordings");

        Recording own = clinic.start(clinic.aPatientsOwnRecordingOf(ann));

        assertThat(own.initiator()).isEqualTo(Initiator.PATIENT);
        assertThat(own.consent()).isNull();
        assertThat(own.state()).isEqualTo(RecordingState.IN_PROGRESS);
    }

    @Test
    @DisplayName("PAT-1: a patient's own recording ends completed, with no confirmation asked and no note needed")
    void pat1_completesWithoutConfirmation() {
        Recording own = clinic.as(receptionist).start(clinic.aPatientsOwnRecordingOf(ann));

        Started completed = clinic.recordings().complete(own.id());

        assertThat(completed.recording().state()).isEqualTo(RecordingState.COMPLETED);
        assertThat(completed.warnings()).isEmpty();
    }

    @Test
    @DisplayName("PAT-1, SEC-1: using the patient's own recording for training needs their consent")
    void pat1_secondaryPurposeOfOwnRecordingNeedsConsent() {
        clinic.as(receptionist);

        assertThat(refusalCodes(
                        () -> clinic.start(clinic.aPatientsOwnRecordingOf(ann).forPurposes(TRAINING))))
                .containsExactly(ErrorCode.SEC_1);
    }

    @Test
    @DisplayName("PAT-2: a shared copy joins the record with its date received and how it was obtained")
    void pat2_sharedCopyJoinsTheRecord() {
        LocalDate received = clinic.clock().today().minusDays(2);

        Recording copy = clinic.as(receptionist)
                .start(clinic.aPatientsOwnRecordingOf(ann)
                        .forPurposes(DIRECT_CARE)
                        .sharedCopy(received, "emailed by the patient from her phone"));

        assertThat(copy.initiator()).isEqualTo(Initiator.PATIENT);
        assertThat(copy.sharedCopy()).isEqualTo(new SharedCopy(received, "emailed by the patient from her phone"));
        assertThat(clinic.stored(copy.id()).sharedCopy())
                .isEqualTo(new SharedCopy(received, "emailed by the patient from her phone"));
    }

    @Test
    @DisplayName("PAT-2: a shared copy is then a record entry like any other: it cannot be deleted (REC-1)")
    void pat2_sharedCopyIsARecordEntry() {
        Recording copy = clinic.as(receptionist)
                .start(clinic.aPatientsOwnRecordingOf(ann)
                        .forPurposes(DIRECT_CARE)
                        .sharedCopy(clinic.clock().today(), "USB stick handed in at reception"));
        Started completed = clinic.recordings().complete(copy.id());

        assertThat(completed.recording().retentionUntil())
                .as("8 years after the last treatment, REC-2")
                .isEqualTo(clinic.clock().today().plusYears(8));
        assertThat(refusalCodes(() -> clinic.recordings().delete(copy.id()))).containsExactly(ErrorCode.REC_1);
        assertThat(clinic.recordings()
                        .use(copy.id(), UseContext.directCare(UseAction.PLAY))
                        .id())
                .isEqualTo(copy.id());
    }

    @Test
    @DisplayName("PAT-2: a shared copy received in the future or without how it was obtained is refused")
    void pat2_sharedCopyNeedsProvenance() {
        clinic.as(receptionist);

        assertThat(refusalCodes(() -> clinic.start(clinic.aPatientsOwnRecordingOf(ann)
                        .forPurposes(DIRECT_CARE)
                        .sharedCopy(clinic.clock().today().plusDays(1), "email"))))
                .containsExactly(ErrorCode.PAT_2);
        assertThat(refusalCodes(() -> clinic.start(clinic.aPatientsOwnRecordingOf(ann)
                        .forPurposes(DIRECT_CARE)
                        .sharedCopy(clinic.clock().today(), " "))))
                .containsExactly(ErrorCode.PAT_2);
        assertThat(clinic.recordingRepository().findByPatient(ann)).isEmpty();
    }

    @Test
    @DisplayName("PAT-2: a shared copy is a recording the patient made, never one a clinician started")
    void pat2_sharedCopyMustBeThePatients() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(receptionist);

        assertThat(refusalCodes(() -> clinic.start(
                        clinic.aConsultationOf(ann).sharedCopy(clinic.clock().today(), "x"))))
                .containsExactly(ErrorCode.PAT_2);
    }

    @Test
    @DisplayName("PAT-3: staff may not film in a no-filming area")
    void pat3_staffRefusedInNoFilmingArea() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(receptionist);

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).inArea(SitePolicyBuilder.RECEPTION))))
                .containsExactly(ErrorCode.PAT_3);
    }

    @Test
    @DisplayName("PAT-3: a patient filming in a no-filming area is recorded as a breach of site policy, not blocked")
    void pat3_patientBreachIsFlaggedNotBlocked() {
        Started started = clinic.as(receptionist)
                .recordings()
                .start(clinic.aPatientsOwnRecordingOf(ann)
                        .inArea(SitePolicyBuilder.RECEPTION)
                        .build());

        assertThat(started.warnings()).extracting(r -> r.code()).containsExactly(ErrorCode.PAT_3);
        assertThat(started.recording().hasFlag(RecordingFlag.NO_FILMING_AREA_BREACH))
                .isTrue();
        assertThat(started.recording().areaCode()).isEqualTo(SitePolicyBuilder.RECEPTION);
        assertThat(clinic.lastAuditEntry().detail()).contains("PAT-3");
        assertThat(clinic.lastAuditEntry().recording())
                .isEqualTo(started.recording().id());
        assertThat(clinic.registerRepository().list(SitePolicyBreach.class))
                .singleElement()
                .satisfies(breach -> {
                    assertThat(breach.recording()).isEqualTo(started.recording().id());
                    assertThat(breach.patient()).isEqualTo(ann);
                    assertThat(breach.areaCode()).isEqualTo(SitePolicyBuilder.RECEPTION);
                    assertThat(breach.areaName()).isEqualTo("Reception");
                    assertThat(breach.policyVersion())
                            .isEqualTo(started.recording().policyVersion());
                    assertThat(breach.recordedBy()).isEqualTo(receptionist.id());
                });
    }

    @Test
    @DisplayName("PAT-3: the breach register is listed to policy managers, and to no one else")
    void pat3_breachRegisterIsForPolicyManagers() {
        clinic.as(receptionist)
                .recordings()
                .start(clinic.aPatientsOwnRecordingOf(ann)
                        .inArea(SitePolicyBuilder.RECEPTION)
                        .build());

        assertThat(clinic.as(clinic.anAdministrator()).registers().list(SitePolicyBreach.class))
                .hasSize(1);
        assertThat(refusalCodes(() -> clinic.as(receptionist).registers().list(SitePolicyBreach.class)))
                .containsExactly(ErrorCode.SAF_3);
    }

    @Test
    @DisplayName("PAT-3: an area that is not a no-filming area raises nothing")
    void pat3_otherAreasAreFine() {
        Started started = clinic.as(receptionist)
                .recordings()
                .start(clinic.aPatientsOwnRecordingOf(ann)
                        .inArea("CONSULTING_ROOM_2")
                        .build());

        assertThat(started.warnings()).isEmpty();
        assertThat(started.recording().flags()).isEmpty();
        assertThat(started.recording().areaCode()).isEqualTo("CONSULTING_ROOM_2");
        assertThat(clinic.registerRepository().list(SitePolicyBreach.class)).isEmpty();
    }
}
