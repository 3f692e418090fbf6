/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.domain.DeIdentification;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation.CovertJustification;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.register.StaffObjection;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** RecordingService.start with staff who decline to be recorded (STF-1) and covert recording by staff (COV-*). */
@DisplayName("Staff objections and covert recording")
class StaffAndCovertRecordingTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();
    private final StaffMember nurse = clinic.aClinician();
    private final StaffMember investigator = clinic.aCovertAuthoriser();

    @Test
    @DisplayName("STF-1: a consultation with an objecting nurse present is refused")
    void stf1_objectingStaffPresentRefuses() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(nurse).registers().recordStaffObjection(nurse.id(), "I do not wish to be filmed");

        clinic.as(doctor);
        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).withStaffPresent(nurse.id()))))
                .containsExactly(ErrorCode.STF_1);
        assertThat(clinic.recordingRepository().findByPatient(ann)).isEmpty();
    }

    @Test
    @DisplayName("STF-1: an objecting operator cannot record either; another clinician can")
    void stf1_objectingOperatorRefusedAnotherClinicianAllowed() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(doctor).registers().recordStaffObjection(doctor.id(), null);

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann))))
                .containsExactly(ErrorCode.STF_1);

        Recording byNurse = clinic.as(nurse).start(clinic.aConsultationOf(ann));
        assertThat(byNurse.state()).isEqualTo(RecordingState.IN_PROGRESS);
    }

    @Test
    @DisplayName("STF-1: once the staff objection ends, the recording is allowed")
    void stf1_endedObjectionAllows() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        StaffObjection objection = clinic.as(nurse).registers().recordStaffObjection(nurse.id(), null);
        clinic.clock().advance(Duration.ofMinutes(1));
        clinic.registers().endStaffObjection(objection.id());

        Recording recording =
                clinic.as(doctor).start(clinic.aConsultationOf(ann).withStaffPresent(nurse.id()));

        assertThat(recording.staffPresent()).containsExactly(nurse.id());
    }

    @Test
    @DisplayName("STF-1: only the staff member themself or a policy manager may record their objection (SAF-3)")
    void stf1_someoneElsesObjectionNeedsPolicyPrivilege() {
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.registers().recordStaffObjection(nurse.id(), null)))
                .containsExactly(ErrorCode.SAF_3);
        assertThat(clinic.as(clinic.anAdministrator())
                        .registers()
                        .recordStaffObjection(nurse.id(), "told the practice manager")
                        .staff())
                .isEqualTo(nurse.id());
    }

    @Test
    @DisplayName("STF-1, PAT-1: a patient's own recording is not blocked by an objecting staff member")
    void stf1_patientsOwnRecordingNotBlocked() {
        clinic.as(nurse).registers().recordStaffObjection(nurse.id(), null);

        Recording own =
                clinic.as(doctor).start(clinic.aPatientsOwnRecordingOf(ann).withStaffPresent(nurse.id()));

        assertThat(own.state()).isEqualTo(RecordingState.IN_PROGRESS);
    }

    @Test
    @DisplayName("COV-1: a covert recording without a recorded authorisation is refused")
    void cov1_refusedWithoutAuthorisation() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(investigator);

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).covert())))
                .containsExactly(ErrorCode.COV_1);
    }

    @Test
    @DisplayName("COV-1: a covert recording with a recorded, current authorisation starts")
    void cov1_startsWithRecordedAuthorisation() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(investigator).registers().recordCovertAuthorisation(authorisationFor(ann));

        Recording covert = clinic.start(clinic.aConsultationOf(ann).covert());

        assertThat(covert.mode()).isEqualTo(RecordingMode.COVERT);
        assertThat(covert.state()).isEqualTo(RecordingState.IN_PROGRESS);
    }

    @Test
    @DisplayName("COV-1: an authorised covert recording needs no consent from the patient it is hidden from")
    void cov1_authorisedCovertRecordingNeedsNoConsent() {
        clinic.as(investigator).registers().recordCovertAuthorisation(authorisationFor(ann));

        Recording covert = clinic.start(clinic.aConsultationOf(ann).covert());

        assertThat(covert.state()).isEqualTo(RecordingState.IN_PROGRESS);
    }

    @Test
    @DisplayName("COV-1: an authorisation for another patient does not cover this one")
    void cov1_authorisationForAnotherPatient() {
        PatientId bob = clinic.patient("Bob");
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(investigator).registers().recordCovertAuthorisation(authorisationFor(bob));

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).covert())))
                .containsExactly(ErrorCode.COV_1);
    }

    @Test
    @DisplayName("COV-1: an authorisation that has run out or was ended no longer covers recording")
    void cov1_expiredOrEndedAuthorisationRefused() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        var entry = clinic.as(investigator).registers().recordCovertAuthorisation(authorisationFor(ann));
        clinic.clock().advance(Duration.ofDays(31));

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).covert())))
                .containsExactly(ErrorCode.COV_1);

        PatientId bob = clinic.patient("Bob");
        clinic.givenConsent(bob, CONSULTATION, DIRECT_CARE);
        var bobs = clinic.registers().recordCovertAuthorisation(authorisationFor(bob));
        clinic.registers().endCovertAuthorisation(bobs.id());
        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(bob).covert())))
                .containsExactly(ErrorCode.COV_1);
        assertThat(entry.endedAt()).isNull();
    }

    @Test
    @DisplayName("COV-1: an authorisation missing its legal basis and justification is not recorded")
    void cov1_incompleteAuthorisationRefused() {
        Instant now = clinic.clock().instant();
        CovertAuthorisation incomplete = new CovertAuthorisation(
                ann, "Trust board", "CB-17", " ", null, true, now, now.plus(Duration.ofDays(30)), false);
        clinic.as(investigator);

        assertThat(refusalCodes(() -> clinic.registers().recordCovertAuthorisation(incomplete)))
                .containsExactly(ErrorCode.COV_1);
        assertThat(clinic.registers().covertAuthorisations()).isEmpty();
    }

    @Test
    @DisplayName("COV-2: a user without the covert privilege can neither record an authorisation nor list them")
    void cov2_onlyPrivilegedRecordAuthorisations() {
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.registers().recordCovertAuthorisation(authorisationFor(ann))))
                .containsExactly(ErrorCode.COV_2);
        assertThat(refusalCodes(() -> clinic.registers().covertAuthorisations()))
                .containsExactly(ErrorCode.COV_2);
    }

    @Test
    @DisplayName("COV-2: even with an authorisation on file, a user without the privilege cannot record covertly")
    void cov2_onlyPrivilegedRecordCovertly() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(investigator).registers().recordCovertAuthorisation(authorisationFor(ann));

        clinic.as(doctor);
        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).covert())))
                .containsExactly(ErrorCode.COV_2);
    }

    @Test
    @DisplayName(
            "COV-2: covert recordings are visible only to privileged users; to others an id is unknown, the attempt audited")
    void cov2_covertRecordingsHiddenFromOthers() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(investigator).registers().recordCovertAuthorisation(authorisationFor(ann));
        Recording covert = clinic.start(clinic.aConsultationOf(ann).covert());
        Recording overt = clinic.start(clinic.aConsultationOf(ann));

        assertThat(clinic.recordings().findForPatient(ann))
                .extracting(Recording::id)
                .containsExactlyInAnyOrder(covert.id(), overt.id());

        clinic.as(doctor);
        assertThat(clinic.recordings().findForPatient(ann))
                .extracting(Recording::id)
                .containsExactly(overt.id());
        assertThat(refusalCodes(() -> clinic.recordings().use(covert.id(), UseContext.directCare(UseAction.VIEW))))
                .containsExactly(ErrorCode.NF_1);
        assertThat(clinic.lastAuditEntry().outcome()).isEqualTo(AuditOutcome.refused(ErrorCode.COV_2));
        assertThat(refusalCodes(() -> clinic.recordings().stop(covert.id()))).containsExactly(ErrorCode.NF_1);
    }

    @Test
    @DisplayName("COV-2, REC-3: a covert recording awaiting its note is listed only to privileged users")
    void cov2_covertRecordingsHiddenFromTheMissingNoteList() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(investigator).registers().recordCovertAuthorisation(authorisationFor(ann));
        Recording covert = clinic.start(clinic.aConsultationOf(ann).covert().in(clinic.encounterOf(ann)));
        Recording overt = clinic.start(clinic.aConsultationOf(ann).in(clinic.encounterOf(ann)));
        clinic.recordings().complete(covert.id());
        clinic.recordings().complete(overt.id());

        assertThat(clinic.recordings().withoutNote())
                .extracting(Recording::id)
                .containsExactlyInAnyOrder(covert.id(), overt.id());

        clinic.as(doctor);
        assertThat(clinic.recordings().withoutNote()).extracting(Recording::id).containsExactly(overt.id());
    }

    @Test
    @DisplayName("COV-2, REC-1: voiding a covert recording writes nothing into the notes every clinician reads")
    void cov2_voidingACovertRecordingWritesNoNote() {
        clinic.as(investigator).registers().recordCovertAuthorisation(authorisationFor(ann));
        Recording covert = clinic.start(clinic.aConsultationOf(ann).covert().in(clinic.encounterOf(ann)));
        clinic.recordings().complete(covert.id());
        int notesBefore = clinic.notes().appendedFor(ann).size();

        clinic.as(clinic.aUserWithAllBut(Privilege.VIEW_AUDIT))
                .recordings()
                .voidRecording(covert.id(), "wrong patient");

        assertThat(clinic.stored(covert.id()).state()).isEqualTo(RecordingState.VOIDED);
        assertThat(clinic.notes().appendedFor(ann)).hasSize(notesBefore);
        assertThat(clinic.lastAuditEntry().action()).isEqualTo(AuditAction.VOID);
    }

    @Test
    @DisplayName("COV-2, SEC-3: an anonymised derivative of a covert recording is covert too, hidden like its source")
    void cov2_aDerivativeOfACovertRecordingIsCovert() {
        clinic.as(investigator).registers().recordCovertAuthorisation(authorisationFor(ann));
        Recording covert = clinic.start(clinic.aConsultationOf(ann).covert().in(clinic.encounterOf(ann)));
        clinic.recordings().complete(covert.id());

        Recording derivative = clinic.as(clinic.aUserWithAllBut(Privilege.VIEW_AUDIT))
                .recordings()
                .startAnonymisedDerivative(covert.id(), Set.of(Purpose.TRAINING), DeIdentification.ANONYED)
                .recording();

        assertThat(derivative.mode()).isEqualTo(RecordingMode.COVERT);
        clinic.as(doctor);
        assertThat(clinic.recordings().findForPatient(ann))
                .extracting(Recording::id)
                .doesNotContain(derivative.id());
    }

    private CovertAuthorisation authorisationFor(PatientId patient) {
        Instant now = clinic.clock().instant();
        return new CovertAuthorisation(
                patient,
                "Trust senior information risk owner",
                "RIPA-2025-004",
                "Regulation of Investigatory Powers Act 2000",
                CovertJustification.PROTECT_FROM_SERIOUS_HARM,
                true,
                now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(30)),
                false);
    }
}
