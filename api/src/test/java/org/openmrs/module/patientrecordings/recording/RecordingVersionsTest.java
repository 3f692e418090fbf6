/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** REC-1: every version of a recording stays readable, under the same rules as the recording itself. */
@DisplayName("REC-1: reading earlier versions of a recording")
class RecordingVersionsTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();
    private final UseContext play = UseContext.directCare(UseAction.PLAY);

    @Test
    @DisplayName("REC-1: an earlier version is read as it was stored; the current one as it stands")
    void rec1_readsEachVersion() {
        Recording confirmed = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.as(doctor);

        Recording first = clinic.recordings().useVersion(confirmed.id(), 1, play);
        Recording current = clinic.recordings().useVersion(confirmed.id(), confirmed.version(), play);

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.state()).isEqualTo(RecordingState.IN_PROGRESS);
        assertThat(first.content()).isNull();
        assertThat(current).isEqualTo(clinic.stored(confirmed.id()));
        assertThat(current.state()).isEqualTo(RecordingState.COMPLETED);
    }

    @Test
    @DisplayName("REC-1, NF-1: a version the recording never had is not found")
    void rec1_unknownVersionIsNotFound() {
        Recording confirmed = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.recordings().useVersion(confirmed.id(), confirmed.version() + 1, play)))
                .containsExactly(ErrorCode.NF_1);
        assertThat(refusalCodes(() -> clinic.recordings().useVersion(confirmed.id(), 0, play)))
                .containsExactly(ErrorCode.NF_1);
    }

    @Test
    @DisplayName("REC-1: the history lists every version, newest first")
    void rec1_historyNewestFirst() {
        Recording confirmed = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.as(doctor);

        List<Recording> history = clinic.recordings().history(confirmed.id(), play);

        assertThat(history).isEqualTo(clinic.recordingRepository().history(confirmed.id()));
        assertThat(history)
                .extracting(Recording::version)
                .startsWith(confirmed.version())
                .endsWith(1L);
        assertThat(history).hasSize((int) confirmed.version());
    }

    @Test
    @DisplayName("CON-5: once a recording is sealed, none of its earlier versions can be read either")
    void con5_sealedRecordingsVersionsAreRefused() {
        Recording inProgress = clinic.consultationInProgress(ann, DIRECT_CARE);
        clinic.as(doctor).consents().withdraw(inProgress.consent(), null);

        assertThat(refusalCodes(() -> clinic.recordings().useVersion(inProgress.id(), 1, play)))
                .containsExactly(ErrorCode.CON_5);
        assertThat(refusalCodes(() -> clinic.recordings().history(inProgress.id(), play)))
                .containsExactly(ErrorCode.CON_5);
    }
}
