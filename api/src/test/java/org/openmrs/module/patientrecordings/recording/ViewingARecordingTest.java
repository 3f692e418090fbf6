/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditWriteFailedException;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/**
 * A recording viewed for a use comes back with the patient's consents and legal holds as its access check read them,
 * so that it can be shown without reading them again; it is allowed, refused and audited exactly as a use is.
 */
@DisplayName("Viewing a recording")
class ViewingARecordingTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();

    @Test
    @DisplayName("REC-5: a view carries the patient's consents as recorded and the legal holds in force")
    void aViewCarriesConsentsAndHoldsInForce() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE, TRAINING);
        LegalHold lifted =
                clinic.as(clinic.aRecordsManager()).registers().placeLegalHold(ann, LegalAuthority.COMPLAINT, "PALS-1");
        clinic.registers().liftLegalHold(lifted.id(), "resolved");
        LegalHold held = clinic.registers().placeLegalHold(ann, LegalAuthority.CLAIM, "CLM-7");
        clinic.as(doctor);

        RecordingService.Viewed viewed =
                clinic.recordings().view(recording.id(), UseContext.directCare(UseAction.VIEW));

        assertThat(viewed.recording()).isEqualTo(clinic.stored(recording.id()));
        assertThat(viewed.consents()).isEqualTo(clinic.consents().of(ann)).isNotEmpty();
        assertThat(viewed.holdsInForce()).extracting(LegalHold::id).containsExactly(held.id());
    }

    @Test
    @DisplayName("REC-5: a view of a patient with no hold carries none")
    void aViewWithoutHoldsCarriesNone() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);

        RecordingService.Viewed viewed =
                clinic.as(doctor).recordings().view(recording.id(), UseContext.directCare(UseAction.VIEW));

        assertThat(viewed.holdsInForce()).isEmpty();
    }

    @Test
    @DisplayName("REC-1: a view of an earlier version carries the patient's consents and holds as they are now")
    void aViewOfAnEarlierVersionCarriesTheCurrentStanding() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);
        LegalHold held =
                clinic.as(clinic.aRecordsManager()).registers().placeLegalHold(ann, LegalAuthority.CLAIM, "CLM-8");
        clinic.as(doctor);

        RecordingService.Viewed first =
                clinic.recordings().viewVersion(recording.id(), 1, UseContext.directCare(UseAction.VIEW));

        assertThat(first.recording().version()).isEqualTo(1);
        assertThat(first.holdsInForce()).extracting(LegalHold::id).containsExactly(held.id());
        assertThat(first.consents()).isEqualTo(clinic.consents().of(ann));
    }

    @Test
    @DisplayName("SEC-2, SAF-2: a view is refused and audited exactly as a use is")
    void aViewIsRefusedAndAuditedAsAUse() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.recordings()
                        .view(recording.id(), new UseContext(UseAction.PLAY, Purpose.AUDIT, null, false, null))))
                .containsExactly(ErrorCode.SEC_2);

        clinic.audit().failAppends(true);
        assertThatThrownBy(() -> clinic.recordings().view(recording.id(), UseContext.directCare(UseAction.VIEW)))
                .isInstanceOf(AuditWriteFailedException.class);
    }
}
