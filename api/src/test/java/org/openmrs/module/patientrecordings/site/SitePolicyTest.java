/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.PROCEDURE;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.policy.MissingNoteHandling;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.recording.CapturedParty;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.SitePolicyBuilder;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** Site recording policies (POL-1), versioned and audited (POL-2), with optimistic locking (VER-1). */
@DisplayName("Site recording policy")
class SitePolicyTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();
    private final StaffMember administrator = clinic.anAdministrator();

    @Test
    @DisplayName("POL-1: a kind the site does not allow is refused")
    void pol1_kindNotAllowed() {
        clinic.policyChanged(p -> p.allowingOnly(CONSULTATION, RecordingKind.ULTRASOUND));
        clinic.givenConsent(ann, PROCEDURE, DIRECT_CARE);
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.aProcedureOf(ann)))).containsExactly(ErrorCode.POL_1);
    }

    @Test
    @DisplayName("POL-1: where clinicians may not record consultations, a consultation recording is refused")
    void pol1_cliniciansMayNotRecordConsultations() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.policyChanged(SitePolicyBuilder::cliniciansMayNotRecordConsultations);
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann))))
                .containsExactly(ErrorCode.POL_1);
        assertThat(clinic.start(clinic.aPatientsOwnRecordingOf(ann)).id()).isNotNull();
    }

    @Test
    @DisplayName("POL-1: a secondary purpose the site no longer allows is refused even with the patient's consent")
    void pol1_secondaryPurposeNotAllowed() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE, TRAINING);
        clinic.policyChanged(p -> p.withoutSecondaryPurpose(TRAINING));
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).forPurposes(DIRECT_CARE, TRAINING))))
                .containsExactly(ErrorCode.POL_1);
    }

    @Test
    @DisplayName("POL-1, REC-2, TEL-1: a policy with an unknown jurisdiction or telephone as a kind is refused")
    void pol1_invalidPolicyRefused() {
        assertThat(refusalCodes(() -> clinic.policyChanged(p -> p.jurisdiction("ATLANTIS"))))
                .containsExactly(ErrorCode.REC_2);
        assertThat(refusalCodes(() -> clinic.policyChanged(p -> p.allowingKind(RecordingKind.TELEPHONE))))
                .containsExactly(ErrorCode.TEL_1);
        assertThat(clinic.currentPolicy().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("POL-2: a change makes a new version, keeps the old one, and is audited")
    void pol2_changeIsVersionedAndAudited() {
        SitePolicy first = clinic.currentPolicy();

        SitePolicy second = clinic.as(administrator)
                .sitePolicies()
                .change(SitePolicyBuilder.nextVersionOf(first)
                        .missingNote(MissingNoteHandling.BLOCK)
                        .build());

        assertThat(second.version()).isEqualTo(2);
        assertThat(clinic.sitePolicies().versions(clinic.site())).containsExactly(first, second);
        assertThat(clinic.sitePolicies().current(clinic.site())).isEqualTo(second);
        AuditEntry audited = clinic.lastAuditEntry();
        assertThat(audited.action()).isEqualTo(AuditAction.POLICY_CHANGE);
        assertThat(audited.user()).isEqualTo(administrator.id());
        assertThat(audited.outcome().succeeded()).isTrue();
        assertThat(audited.detail()).contains("version 2");
    }

    @Test
    @DisplayName("POL-2: every recording keeps the policy version it was made under")
    void pol2_recordingKeepsItsVersion() {
        Recording underFirst = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.policyChanged(p -> p.missingNote(MissingNoteHandling.BLOCK));
        Recording underSecond = clinic.confirmedConsultation(clinic.patient("Bea"), DIRECT_CARE);

        assertThat(clinic.stored(underFirst.id()).policyVersion()).isEqualTo(1);
        assertThat(clinic.stored(underSecond.id()).policyVersion()).isEqualTo(2);
        assertThat(clinic.recordings().policyOf(clinic.stored(underFirst.id())).missingNote())
                .isEqualTo(MissingNoteHandling.FLAG);
    }

    @Test
    @DisplayName("POL-2, VER-1: a change made from a stale version is refused and audited; the newer one stands")
    void pol2_staleVersionRefused() {
        SitePolicy readByBoth = clinic.currentPolicy();
        StaffMember otherAdministrator = clinic.anAdministrator();
        SitePolicy first = clinic.as(administrator)
                .sitePolicies()
                .change(SitePolicyBuilder.nextVersionOf(readByBoth).build());

        clinic.as(otherAdministrator);
        assertThat(refusalCodes(() -> clinic.sitePolicies()
                        .change(SitePolicyBuilder.nextVersionOf(readByBoth)
                                .withoutSecondaryPurpose(TRAINING)
                                .build())))
                .containsExactly(ErrorCode.VER_1);

        assertThat(clinic.lastAuditEntry().outcome()).isEqualTo(AuditOutcome.refused(ErrorCode.VER_1));
        assertThat(clinic.currentPolicy()).isEqualTo(first);
    }

    @Test
    @DisplayName("POL-2: changing the policy takes the policy privilege (SAF-3)")
    void pol2_needsPrivilege() {
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.sitePolicies()
                        .change(SitePolicyBuilder.nextVersionOf(clinic.currentPolicy())
                                .build())))
                .containsExactly(ErrorCode.SAF_3);
    }

    @Test
    @DisplayName("VER-1: two concurrent saves of one recording version: the second is refused")
    void ver1_concurrentRecordingSaves() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);
        Recording readByA = clinic.stored(recording.id());
        Recording readByB = clinic.stored(recording.id());

        Recording savedByA = clinic.recordingRepository()
                .save(readByA.toBuilder()
                        .thirdParties(List.of(new CapturedParty(CapturedParty.Role.STAFF, "nurse-2", null, false)))
                        .build());

        assertThat(refusalCodes(() -> clinic.recordingRepository()
                        .save(readByB.toBuilder().voidReason("concurrent edit").build())))
                .containsExactly(ErrorCode.VER_1);
        assertThat(clinic.stored(recording.id())).isEqualTo(savedByA);
        assertThat(savedByA.version()).isEqualTo(readByA.version() + 1);
    }

    @Test
    @DisplayName("VER-1: a new recording whose id is already stored is refused")
    void ver1_duplicateNewRecording() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);

        assertThat(refusalCodes(() -> clinic.recordingRepository()
                        .save(clinic.stored(recording.id()).toBuilder()
                                .version(0)
                                .build())))
                .containsExactly(ErrorCode.VER_1);
    }

    @Test
    @DisplayName("VER-1: two concurrent saves of one consent version: the second is refused")
    void ver1_concurrentConsentSaves() {
        var consent = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.consentRepository().save(consent);

        assertThat(refusalCodes(() -> clinic.consentRepository().save(consent))).containsExactly(ErrorCode.VER_1);
    }
}
