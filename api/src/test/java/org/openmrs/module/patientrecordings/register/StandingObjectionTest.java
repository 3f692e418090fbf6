/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** CON-10: a patient's standing objection is kept on its register and written into their record. */
@DisplayName("CON-10: the register of standing objections")
class StandingObjectionTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();

    @Test
    @DisplayName("CON-10: an objection is registered, noted in the patient's record and audited")
    void con10_objectionRegisteredAndNoted() {
        PatientObjection objection = clinic.as(doctor).registers().recordPatientObjection(ann, "never film me");

        assertThat(clinic.registers().list(PatientObjection.class)).containsExactly(objection);
        assertThat(objection.recordedBy()).isEqualTo(doctor.id());
        assertThat(clinic.notes().last().patient()).isEqualTo(ann);
        assertThat(clinic.notes().last().text()).contains("never film me");
        assertThat(clinic.auditTrail())
                .filteredOn(e -> e.action() == AuditAction.CONSENT_DECISION)
                .singleElement()
                .satisfies(e -> assertThat(e.patient()).isEqualTo(ann));
    }

    @Test
    @DisplayName("CON-10: lifting keeps the objection on the register, ended, and notes it")
    void con10_liftedObjectionStaysOnRegister() {
        PatientObjection objection = clinic.as(doctor).registers().recordPatientObjection(ann, null);

        PatientObjection lifted = clinic.registers().liftPatientObjection(objection.id());

        assertThat(lifted.endedAt()).isEqualTo(clinic.clock().instant());
        assertThat(clinic.registers().list(PatientObjection.class)).containsExactly(lifted);
        assertThat(clinic.notes().last().text()).contains("lifted");
    }

    @Test
    @DisplayName("CON-10: recording an objection takes the consent privilege and a known patient")
    void con10_needsPrivilegeAndKnownPatient() {
        clinic.as(clinic.anAdministrator());
        assertThat(refusalCodes(() -> clinic.registers().recordPatientObjection(ann, null)))
                .containsExactly(ErrorCode.SAF_3);

        clinic.as(doctor);
        assertThat(refusalCodes(() -> clinic.registers().recordPatientObjection(PatientId.of("nobody"), null)))
                .containsExactly(ErrorCode.SAF_4);
    }

    @Test
    @DisplayName("CON-10, CON-8: when the note cannot be written the objection is not registered")
    void con10_noNoteNoObjection() {
        clinic.notes().failAppends(true);
        clinic.as(doctor);

        assertThatThrownBy(() -> clinic.registers().recordPatientObjection(ann, null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(clinic.registerRepository().list(PatientObjection.class)).isEmpty();
    }

    @Test
    @DisplayName("CON-10, CON-8: when the note cannot be written the objection is not lifted")
    void con10_noNoteNoLifting() {
        PatientObjection objection = clinic.as(doctor).registers().recordPatientObjection(ann, null);
        clinic.notes().failAppends(true);

        assertThatThrownBy(() -> clinic.registers().liftPatientObjection(objection.id()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(clinic.registerRepository().list(PatientObjection.class)).containsExactly(objection);
    }
}
