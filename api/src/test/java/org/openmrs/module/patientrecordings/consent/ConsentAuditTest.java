/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.support.AuditAssertions.assertRefused;
import static org.openmrs.module.patientrecordings.support.AuditAssertions.assertSucceeded;

import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.support.AuditAssertions;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/**
 * SAF-2, SAF-3: every consent decision and every read of a consent leaves exactly one audit entry naming who, when,
 * the patient, the recording where there is one, and the outcome, whether it was allowed or refused.
 */
@DisplayName("SAF-2: consent decisions and reads are audited, allowed and refused")
class ConsentAuditTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();
    private final StaffMember viewer = clinic.aUserWith(Privilege.VIEW_RECORDINGS);

    @Test
    @DisplayName("SAF-2, CON-1: a consent given is audited as a consent decision")
    void saf2_consentGivenIsAudited() {
        AuditEntry entry = onlyEntryAuditedBy(
                () -> clinic.as(doctor).consents().give(clinic.aConsentOf(ann).build()));

        assertSucceeded(entry, doctor, AuditAction.CONSENT_DECISION, null);
        assertThat(entry.detail()).isEqualTo("consent given");
    }

    @Test
    @DisplayName("SAF-2, CON-4: a consent withheld is audited as a consent decision")
    void saf2_consentWithheldIsAudited() {
        AuditEntry entry = onlyEntryAuditedBy(() ->
                clinic.as(doctor).consents().withhold(clinic.aConsentOf(ann).build()));

        assertSucceeded(entry, doctor, AuditAction.CONSENT_DECISION, null);
        assertThat(entry.detail()).isEqualTo("consent withheld");
    }

    @Test
    @DisplayName("SAF-2, CON-2: a consent refused for what the patient was not told is audited with its code")
    void saf2_refusedConsentIsAudited() {
        AuditEntry entry = onlyEntryAuditedBy(() -> clinic.as(doctor)
                .consents()
                .give(clinic.aConsentOf(ann).withoutRetentionPeriod().build()));

        assertRefused(entry, doctor, AuditAction.CONSENT_DECISION, null, ErrorCode.CON_2);
        assertThat(entry.detail()).isEqualTo("consent given");
        assertThat(clinic.consentRepository().findByPatient(ann)).isEmpty();
    }

    @Test
    @DisplayName("SAF-2, CON-5: a withdrawal is audited as a consent decision")
    void saf2_withdrawalIsAudited() {
        RecordingConsent consent = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);

        AuditEntry entry = onlyEntryAuditedBy(() -> clinic.as(doctor).consents().withdraw(consent.id(), null));

        assertSucceeded(entry, doctor, AuditAction.CONSENT_DECISION, null);
        assertThat(entry.detail()).isEqualTo("consent withdrawn");
    }

    @Test
    @DisplayName("SAF-2, SAF-3: a withdrawal by a user who may not manage consent is refused and audited")
    void saf2_refusedWithdrawalIsAudited() {
        RecordingConsent consent = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);

        AuditEntry entry = onlyEntryAuditedBy(() -> clinic.as(viewer).consents().withdraw(consent.id(), null));

        assertRefused(entry, viewer, AuditAction.CONSENT_DECISION, null, ErrorCode.SAF_3);
        assertThat(clinic.consentRepository().find(consent.id()).orElseThrow().state())
                .isEqualTo(ConsentState.GIVEN);
    }

    @Test
    @DisplayName("SAF-2, CON-7: the patient's confirmation after a recording is audited against the recording")
    void saf2_confirmationIsAudited() {
        Recording pending = clinic.completedConsultation(ann, DIRECT_CARE, TRAINING);

        AuditEntry entry = onlyEntryAuditedBy(
                () -> clinic.as(doctor).consents().confirmAfterRecording(pending.id(), true, true, null, null));

        assertSucceeded(entry, doctor, AuditAction.CONSENT_DECISION, pending.id());
        assertThat(entry.detail()).isEqualTo("confirmed after recording");
    }

    @Test
    @DisplayName("SAF-2, CON-7: the patient's refusal after a recording is audited against the recording")
    void saf2_refusalAfterRecordingIsAudited() {
        Recording pending = clinic.completedConsultation(ann, DIRECT_CARE, TRAINING);

        AuditEntry entry = onlyEntryAuditedBy(
                () -> clinic.as(doctor).consents().confirmAfterRecording(pending.id(), false, true, null, null));

        assertSucceeded(entry, doctor, AuditAction.CONSENT_DECISION, pending.id());
        assertThat(entry.detail()).isEqualTo("refused after recording");
    }

    @Test
    @DisplayName("SAF-2, SAF-3: a confirmation recorded by a user who may not manage consent is refused and audited")
    void saf2_refusedConfirmationIsAudited() {
        Recording pending = clinic.completedConsultation(ann, DIRECT_CARE, TRAINING);

        AuditEntry entry = onlyEntryAuditedBy(
                () -> clinic.as(viewer).consents().confirmAfterRecording(pending.id(), true, true, null, null));

        assertRefused(entry, viewer, AuditAction.CONSENT_DECISION, pending.id(), ErrorCode.SAF_3);
    }

    @Test
    @DisplayName("SAF-2, REC-1: deleting a consent is refused and the attempt audited")
    void saf2_deleteIsRefusedAndAudited() {
        RecordingConsent consent = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);

        AuditEntry entry = onlyEntryAuditedBy(() -> clinic.as(doctor).consents().delete(consent.id()));

        assertRefused(entry, doctor, AuditAction.REFUSED, null, ErrorCode.REC_1);
        assertThat(clinic.consentRepository().find(consent.id())).isPresent();
    }

    @Test
    @DisplayName("SAF-2: reading a consent, and listing a patient's consents, are audited")
    void saf2_readsAreAudited() {
        RecordingConsent consent = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);

        AuditEntry read = onlyEntryAuditedBy(() -> clinic.as(viewer).consents().read(consent.id()));
        assertSucceeded(read, viewer, AuditAction.VIEW, null);
        assertThat(read.detail()).isEqualTo("consent " + consent.id());

        AuditEntry listed =
                onlyEntryAuditedBy(() -> clinic.as(viewer).consents().forPatient(ann));
        assertSucceeded(listed, viewer, AuditAction.SEARCH, null);
        assertThat(listed.detail()).isEqualTo("consents");
    }

    @Test
    @DisplayName("SAF-2, SAF-3: reading a consent without the privilege to view is refused and audited")
    void saf2_refusedReadIsAudited() {
        RecordingConsent consent = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        StaffMember nobody = clinic.aUserWith();

        AuditEntry entry = onlyEntryAuditedBy(() -> clinic.as(nobody).consents().read(consent.id()));

        assertRefused(entry, nobody, AuditAction.VIEW, null, ErrorCode.SAF_3);
    }

    /** The one audit entry the action added, a minute after the last, about Ann. */
    private AuditEntry onlyEntryAuditedBy(ThrowingCallable action) {
        clinic.clock().advance(Duration.ofMinutes(1));
        AuditEntry entry = AuditAssertions.onlyEntryAuditedBy(clinic, action);
        assertThat(entry.patient()).isEqualTo(ann);
        return entry;
    }
}
