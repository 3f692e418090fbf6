/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.support.Clinic;

/** The retention end given to a recording from the patient's facts and the site's schedule (REC-2, POL-2). */
class RecordingRetentionTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");

    @Test
    @DisplayName("REC-2: a recording of a patient the host does not know is left as it is, kept without an end")
    void aPatientTheHostDoesNotKnowLeavesTheRecordingKept() {
        Recording stranger = clinic.confirmedConsultation(ann, DIRECT_CARE).toBuilder()
                .patient(PatientId.random())
                .retentionUntil(null)
                .build();

        Recording assigned = clinic.retention().assign(stranger);

        assertThat(assigned).isSameAs(stranger);
        assertThat(assigned.retentionUntil()).isNull();
    }

    @Test
    @DisplayName(
            "POL-2: a recording names the policy version it was made under; a missing version is a fault, no guess")
    void aMissingPolicyVersionIsAFault() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);
        Recording underAnUnknownVersion =
                recording.toBuilder().policyVersion(99).build();

        assertThatThrownBy(() -> clinic.retention().assign(underAnUnknownVersion))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(recording.id().toString());
    }
}
