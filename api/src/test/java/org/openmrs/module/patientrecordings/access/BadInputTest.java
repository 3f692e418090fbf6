/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.recording.UseContext;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.SitePolicyBuilder;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** SAF-4: bad input gets a clear error naming the problem, and nothing half-written is left behind. */
@DisplayName("SAF-4: bad input")
class BadInputTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();

    @Test
    @DisplayName("SAF-4: a recording of an unknown patient is refused and nothing is stored")
    void saf4_unknownPatient() {
        PatientId nobody = PatientId.of("not-in-the-directory");
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.anUltrasoundOf(nobody))))
                .containsExactly(ErrorCode.SAF_4);
        assertThat(clinic.recordingRepository().findByPatient(nobody)).isEmpty();
    }

    @Test
    @DisplayName("SAF-4: an encounter of another patient is refused, the refusal audited, nothing stored")
    void saf4_encounterOfAnotherPatient() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        EncounterId bobsEncounter = clinic.encounterOf(clinic.patient("Bob"));
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).in(bobsEncounter))))
                .containsExactly(ErrorCode.SAF_4);
        assertThat(clinic.lastAuditEntry().outcome()).isEqualTo(AuditOutcome.refused(ErrorCode.SAF_4));
        assertThat(clinic.recordingRepository().findByPatient(ann)).isEmpty();
    }

    @Test
    @DisplayName("SAF-4: an encounter the host does not know is refused")
    void saf4_unknownEncounter() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).in(EncounterId.random()))))
                .containsExactly(ErrorCode.SAF_4);
    }

    @Test
    @DisplayName("SAF-4: a recording without any purpose is refused")
    void saf4_missingPurposes() {
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.anUltrasoundOf(ann).forNoPurpose())))
                .containsExactly(ErrorCode.SAF_4);
        assertThat(clinic.recordingRepository().findByPatient(ann)).isEmpty();
    }

    @Test
    @DisplayName("SAF-4: a site without a recording policy is refused")
    void saf4_siteWithoutPolicy() {
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.anUltrasoundOf(ann).at(SiteId.of("unknown-site")))))
                .containsExactly(ErrorCode.SAF_4);
    }

    @Test
    @DisplayName("SAF-4: a legal hold on an unknown patient, and a policy for an unknown site, are refused")
    void saf4_unknownPatientOrSiteInRegisters() {
        clinic.as(clinic.aRecordsManager());
        assertThat(refusalCodes(
                        () -> clinic.registers().placeLegalHold(PatientId.of("nobody"), LegalAuthority.CLAIM, "C-1")))
                .containsExactly(ErrorCode.SAF_4);

        clinic.as(clinic.anAdministrator());
        assertThat(refusalCodes(() -> clinic.sitePolicies()
                        .change(SitePolicyBuilder.aSitePolicy(SiteId.of("nowhere"))
                                .build())))
                .containsExactly(ErrorCode.SAF_4);
    }

    @Test
    @DisplayName("NF-1: a recording that does not exist is named as such")
    void nf1_unknownRecording() {
        clinic.as(doctor);

        assertThat(refusalCodes(
                        () -> clinic.recordings().use(RecordingId.random(), UseContext.directCare(UseAction.VIEW))))
                .containsExactly(ErrorCode.NF_1);
    }
}
