/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.support.AuditAssertions.assertRefused;
import static org.openmrs.module.patientrecordings.support.Contents.contentOf;

import java.time.Duration;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.domain.DeIdentification;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.support.AuditAssertions;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/**
 * SAF-2, SAF-3: every action of the recording workflow leaves exactly one audit entry naming who, when, the patient,
 * the recording and the outcome, whether it was allowed or refused.
 */
@DisplayName("SAF-2: the recording workflow audits every action, allowed and refused")
class RecordingAuditTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();
    private final StaffMember viewer = clinic.aUserWith(Privilege.VIEW_RECORDINGS);

    @Test
    @DisplayName("SAF-2: a recording started is audited as created, with the new recording")
    void saf2_startIsAudited() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.clock().advance(Duration.ofMinutes(3));

        AuditEntry entry = onlyEntryAuditedBy(
                () -> clinic.as(doctor).start(clinic.aConsultationOf(ann).forPurposes(DIRECT_CARE)));

        RecordingId started =
                clinic.recordingRepository().findByPatient(ann).get(0).id();
        assertSucceeded(entry, AuditAction.CREATE, started);
    }

    @Test
    @DisplayName("SAF-2, CON-1: a recording refused for want of consent is audited with its code and no recording")
    void saf2_refusedStartIsAudited() {
        AuditEntry entry = onlyEntryAuditedBy(
                () -> clinic.as(doctor).start(clinic.aConsultationOf(ann).forPurposes(DIRECT_CARE)));

        assertRefused(entry, doctor, AuditAction.CREATE, null, ErrorCode.CON_1);
        assertThat(clinic.recordingRepository().findByPatient(ann)).isEmpty();
    }

    @Test
    @DisplayName("SAF-2: uploaded content is audited as an update of its recording")
    void saf2_uploadIsAudited() {
        Recording recording = clinic.consultationInProgress(ann, DIRECT_CARE);

        AuditEntry entry = onlyEntryAuditedBy(
                () -> clinic.as(doctor).recordings().attachContent(recording.id(), contentOf("minutes")));

        assertSucceeded(entry, AuditAction.UPDATE, recording.id());
        assertThat(entry.detail()).isEqualTo("content stored");
    }

    @Test
    @DisplayName("SAF-2, SAF-3: an upload by a user who may not record is refused and audited")
    void saf2_refusedUploadIsAudited() {
        Recording recording = clinic.consultationInProgress(ann, DIRECT_CARE);

        AuditEntry entry = onlyEntryAuditedBy(
                () -> clinic.as(viewer).recordings().attachContent(recording.id(), contentOf("minutes")));

        assertRefused(entry, viewer, AuditAction.UPDATE, recording.id(), ErrorCode.SAF_3);
        assertThat(clinic.stored(recording.id()).content()).isNull();
    }

    @Test
    @DisplayName("SAF-2: a recording stopped early is audited as an update of its recording")
    void saf2_stopIsAudited() {
        Recording recording = clinic.consultationInProgress(ann, DIRECT_CARE);

        AuditEntry entry =
                onlyEntryAuditedBy(() -> clinic.as(doctor).recordings().stop(recording.id()));

        assertSucceeded(entry, AuditAction.UPDATE, recording.id());
        assertThat(entry.detail()).isEqualTo("stopped");
    }

    @Test
    @DisplayName("SAF-2, SAF-3: a stop by a user who may not record is refused and audited")
    void saf2_refusedStopIsAudited() {
        Recording recording = clinic.consultationInProgress(ann, DIRECT_CARE);

        AuditEntry entry =
                onlyEntryAuditedBy(() -> clinic.as(viewer).recordings().stop(recording.id()));

        assertRefused(entry, viewer, AuditAction.UPDATE, recording.id(), ErrorCode.SAF_3);
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.IN_PROGRESS);
    }

    @Test
    @DisplayName("SAF-2, REC-3: a completion is audited with the warnings it was allowed with")
    void saf2_completionIsAudited() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        EncounterId withoutNote = clinic.encounterOf(ann);
        Recording recording =
                clinic.as(doctor).start(clinic.aConsultationOf(ann).in(withoutNote));

        AuditEntry entry =
                onlyEntryAuditedBy(() -> clinic.as(doctor).recordings().complete(recording.id()));

        assertSucceeded(entry, AuditAction.UPDATE, recording.id());
        assertThat(entry.detail()).isEqualTo("warnings REC-3");
    }

    @Test
    @DisplayName("SAF-2, REC-3: the missing-note flag cleared is audited; a claim with no note is not a change")
    void saf2_noteWrittenIsAudited() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        EncounterId encounter = clinic.encounterOf(ann);
        Recording recording =
                clinic.as(doctor).start(clinic.aConsultationOf(ann).in(encounter));
        clinic.recordings().complete(recording.id());
        int before = clinic.auditTrail().size();

        assertThat(clinic.recordings().noteWritten(recording.id())).isEmpty();
        assertThat(clinic.auditTrail()).hasSize(before);

        clinic.notes().clinicianWritesNote(encounter);
        AuditEntry entry = onlyEntryAuditedBy(() -> clinic.recordings().noteWritten(recording.id()));

        assertSucceeded(entry, AuditAction.UPDATE, recording.id());
        assertThat(entry.detail()).isEqualTo("note written");
    }

    @Test
    @DisplayName("SAF-2, SAF-3: a note-written claim by a user who may not record is refused and audited")
    void saf2_refusedNoteWrittenIsAudited() {
        Recording recording = clinic.consultationInProgress(ann, DIRECT_CARE);

        AuditEntry entry =
                onlyEntryAuditedBy(() -> clinic.as(viewer).recordings().noteWritten(recording.id()));

        assertRefused(entry, viewer, AuditAction.UPDATE, recording.id(), ErrorCode.SAF_3);
    }

    @Test
    @DisplayName("SAF-2, SEC-3: an anonymised derivative started is audited as anonymisation of the new recording")
    void saf2_derivativeIsAudited() {
        Recording source = clinic.confirmedConsultation(ann, DIRECT_CARE);

        AuditEntry entry = onlyEntryAuditedBy(() -> clinic.as(doctor)
                .recordings()
                .startAnonymisedDerivative(source.id(), Set.of(TRAINING), DeIdentification.ANONYED));

        RecordingId derivative = clinic.recordingRepository().findByPatient(ann).stream()
                .filter(r -> source.id().equals(r.derivativeOf()))
                .findFirst()
                .orElseThrow()
                .id();
        assertSucceeded(entry, AuditAction.ANONYMISE, derivative);
        assertThat(entry.detail()).isEqualTo("anonymised derivative of " + source.id() + ", ANONYED");
    }

    @Test
    @DisplayName("SAF-2, SEC-3: a derivative refused is audited against its source")
    void saf2_refusedDerivativeIsAudited() {
        Recording source = clinic.confirmedConsultation(ann, DIRECT_CARE);

        AuditEntry entry = onlyEntryAuditedBy(() -> clinic.as(doctor)
                .recordings()
                .startAnonymisedDerivative(source.id(), Set.of(DIRECT_CARE), DeIdentification.ANONYED));

        assertRefused(entry, doctor, AuditAction.ANONYMISE, source.id(), ErrorCode.SEC_3);
    }

    @Test
    @DisplayName("SAF-2, REC-1: a void is audited as a void of its recording")
    void saf2_voidIsAudited() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);
        StaffMember recordsManager = clinic.aRecordsManager();

        AuditEntry entry = onlyEntryAuditedBy(
                () -> clinic.as(recordsManager).recordings().voidRecording(recording.id(), "wrong patient"));

        assertThat(entry.user()).isEqualTo(recordsManager.id());
        assertThat(entry.action()).isEqualTo(AuditAction.VOID);
        assertThat(entry.recording()).isEqualTo(recording.id());
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.success());
    }

    @Test
    @DisplayName("SAF-2: an earlier version read is audited once, as the use it was read for, naming the version")
    void saf2_versionReadIsAudited() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);

        AuditEntry entry = onlyEntryAuditedBy(() ->
                clinic.as(doctor).recordings().useVersion(recording.id(), 1, UseContext.directCare(UseAction.PLAY)));

        assertSucceeded(entry, AuditAction.PLAY, recording.id());
        assertThat(entry.purpose()).isEqualTo(DIRECT_CARE);
        assertThat(entry.detail()).isEqualTo("version 1");
    }

    @Test
    @DisplayName("SAF-2: a recording's history read is audited once, as the use it was read for")
    void saf2_historyReadIsAudited() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);

        AuditEntry entry = onlyEntryAuditedBy(
                () -> clinic.as(doctor).recordings().history(recording.id(), UseContext.directCare(UseAction.VIEW)));

        assertSucceeded(entry, AuditAction.VIEW, recording.id());
        assertThat(entry.detail()).isEqualTo("history");
    }

    @Test
    @DisplayName("SAF-2, CON-7: a version read refused is audited with its code and returns nothing")
    void saf2_refusedVersionReadIsAudited() {
        Recording pending = clinic.completedConsultation(ann, DIRECT_CARE, TRAINING);
        UseContext training = new UseContext(UseAction.PLAY, TRAINING, null, false, null);

        AuditEntry entry =
                onlyEntryAuditedBy(() -> clinic.as(doctor).recordings().useVersion(pending.id(), 1, training));

        assertRefused(entry, doctor, AuditAction.PLAY, pending.id(), ErrorCode.CON_7);
        assertThat(entry.detail()).isEqualTo("version 1");
    }

    @Test
    @DisplayName("SAF-2: the list of recordings without a note is audited as a search")
    void saf2_withoutNoteListIsAudited() {
        AuditEntry entry =
                onlyEntryAuditedBy(() -> clinic.as(viewer).recordings().withoutNote());

        assertThat(entry.user()).isEqualTo(viewer.id());
        assertThat(entry.action()).isEqualTo(AuditAction.SEARCH);
        assertThat(entry.patient()).isNull();
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.success());
        assertThat(entry.detail()).isEqualTo("recordings without a note");
    }

    @Test
    @DisplayName("SAF-2, SAF-3: the list of recordings without a note is refused without the privilege to view")
    void saf2_refusedWithoutNoteListIsAudited() {
        StaffMember nobody = clinic.aUserWith();

        AuditEntry entry =
                onlyEntryAuditedBy(() -> clinic.as(nobody).recordings().withoutNote());

        assertRefused(entry, nobody, AuditAction.SEARCH, null, ErrorCode.SAF_3);
    }

    /** The one audit entry the action added, about Ann or about no patient. */
    private AuditEntry onlyEntryAuditedBy(ThrowingCallable action) {
        AuditEntry entry = AuditAssertions.onlyEntryAuditedBy(clinic, action);
        assertThat(entry.patient() == null || entry.patient().equals(ann))
                .as("patient")
                .isTrue();
        return entry;
    }

    /** The entry says that the doctor's action about Ann succeeded. */
    private void assertSucceeded(AuditEntry entry, AuditAction action, RecordingId recording) {
        assertThat(entry.patient()).isEqualTo(ann);
        AuditAssertions.assertSucceeded(entry, doctor, action, recording);
    }
}
