/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.audit.AuditWriteFailedException;
import org.openmrs.module.patientrecordings.disclosure.DisclosureCommand;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.UseContext;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** SAF-2: every access is audited with who, when, patient, recording, action and purpose; no audit, no access. */
@DisplayName("SAF-2: auditing every access")
class AccessAuditTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember educator = clinic.aClinician();
    private final Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE, TRAINING);

    @Test
    @DisplayName(
            "SAF-2: playing a recording for training is audited with who, when, patient, recording, action, purpose")
    void saf2_useIsAudited() {
        clinic.clock().advance(Duration.ofHours(2));
        int before = clinic.auditTrail().size();

        clinic.as(educator)
                .recordings()
                .use(recording.id(), new UseContext(UseAction.PLAY, TRAINING, null, false, null));

        List<AuditEntry> trail = clinic.auditTrail();
        assertThat(trail).hasSize(before + 1);
        AuditEntry entry = trail.get(trail.size() - 1);
        assertThat(entry.user()).isEqualTo(educator.id());
        assertThat(entry.at()).isEqualTo(clinic.clock().instant());
        assertThat(entry.patient()).isEqualTo(ann);
        assertThat(entry.recording()).isEqualTo(recording.id());
        assertThat(entry.action()).isEqualTo(AuditAction.PLAY);
        assertThat(entry.purpose()).isEqualTo(TRAINING);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.success());
    }

    @Test
    @DisplayName("SAF-2: each recording a search returns is audited as a search hit")
    void saf2_searchHitsAreAudited() {
        Recording second = clinic.confirmedConsultation(ann, DIRECT_CARE);
        int before = clinic.auditTrail().size();

        List<Recording> found = clinic.as(educator).recordings().findForPatient(ann);

        assertThat(found).extracting(Recording::id).containsExactly(recording.id(), second.id());
        assertThat(clinic.auditTrail().subList(before, clinic.auditTrail().size()))
                .allSatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.SEARCH);
                    assertThat(e.user()).isEqualTo(educator.id());
                    assertThat(e.patient()).isEqualTo(ann);
                })
                .extracting(AuditEntry::recording)
                .containsExactly(recording.id(), second.id());
    }

    @Test
    @DisplayName("SAF-2: when the access cannot be audited, the use fails and nothing is returned")
    void saf2_noAuditNoUse() {
        clinic.as(educator);
        clinic.audit().failAppends(true);

        assertThatThrownBy(() -> clinic.recordings().use(recording.id(), UseContext.directCare(UseAction.PLAY)))
                .isInstanceOfSatisfying(
                        AuditWriteFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SAF_2));
        assertThatThrownBy(() -> clinic.recordings().findForPatient(ann)).isInstanceOf(AuditWriteFailedException.class);
    }

    @Test
    @DisplayName("SAF-2: when the access cannot be audited, no disclosure package is produced")
    void saf2_noAuditNoDisclosure() {
        clinic.as(clinic.aRecordsManager());
        clinic.audit().failAppends(true);

        assertThatThrownBy(() -> clinic.disclosure()
                        .disclose(
                                new DisclosureCommand(ann, List.of(), LegalAuthority.COMPLAINT, "PALS", "C-9", false)))
                .isInstanceOf(AuditWriteFailedException.class);
        assertThatThrownBy(() -> clinic.disclosure().subjectAccess(ann, "SAR-9"))
                .isInstanceOf(AuditWriteFailedException.class);
    }

    @Test
    @DisplayName("SAF-2: a refused use is audited too, with its codes")
    void saf2_refusalIsAudited() {
        Recording pending = clinic.completedConsultation(clinic.patient("Bea"), DIRECT_CARE, TRAINING);
        clinic.as(educator);

        catchThrowable(() ->
                clinic.recordings().use(pending.id(), new UseContext(UseAction.PLAY, TRAINING, null, false, null)));

        AuditEntry entry = clinic.lastAuditEntry();
        assertThat(entry.recording()).isEqualTo(pending.id());
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.refused(ErrorCode.CON_7));
    }
}
