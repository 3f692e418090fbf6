/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.retention.RecordClass;
import org.openmrs.module.patientrecordings.support.Clinic;

/** REC-2: retention is assigned from the site's schedule on completion and recomputed when the facts change. */
@DisplayName("REC-2: retention of recordings")
class RetentionOfRecordingsTest {

    private final Clinic clinic = new Clinic();

    @Test
    @DisplayName("REC-2: an adult's recording is kept 8 years after the last treatment, assigned on completion")
    void rec2_adultEightYearsAfterLastTreatment() {
        PatientId ann = clinic.patient("Ann");

        Recording inProgress = clinic.consultationInProgress(ann, DIRECT_CARE);
        Recording completed = clinic.completedConsultation(clinic.patient("Bea"), DIRECT_CARE);

        assertThat(inProgress.retentionUntil()).isNull();
        assertThat(completed.retentionUntil()).isEqualTo(LocalDate.parse("2033-03-10"));
    }

    @Test
    @DisplayName("REC-2: a child's recording is kept until the 25th birthday")
    void rec2_childUntilTwentyFifthBirthday() {
        PatientId ben = clinic.patientBornOn("Ben", LocalDate.parse("2015-06-01"));

        Recording completed = clinic.completedConsultation(ben, DIRECT_CARE);

        assertThat(completed.retentionUntil()).isEqualTo(LocalDate.parse("2040-06-01"));
    }

    @Test
    @DisplayName("REC-2: at a GP practice, recording a death recomputes the end to 10 years after death")
    void rec2_deathRecordedRecomputes() {
        clinic.policyChanged(p -> p.recordClass(RecordClass.GP));
        PatientId ann = clinic.patient("Ann");
        Recording completed = clinic.completedConsultation(ann, DIRECT_CARE);
        assertThat(completed.retentionUntil())
                .as("kept while the patient lives")
                .isNull();

        clinic.patients().recordDeath(ann, LocalDate.parse("2026-02-01"));
        var changed = clinic.retention().recompute(ann);

        assertThat(changed).extracting(Recording::id).containsExactly(completed.id());
        assertThat(clinic.stored(completed.id()).retentionUntil()).isEqualTo(LocalDate.parse("2036-02-01"));
    }

    @Test
    @DisplayName("REC-2: a new treatment moves an adult's end to 8 years after it")
    void rec2_newTreatmentRecomputes() {
        PatientId ann = clinic.patient("Ann");
        Recording completed = clinic.completedConsultation(ann, DIRECT_CARE);

        clinic.patients().recordTreatment(ann, LocalDate.parse("2027-09-15"));
        clinic.retention().recompute(ann);

        assertThat(clinic.stored(completed.id()).retentionUntil()).isEqualTo(LocalDate.parse("2035-09-15"));
    }

    @Test
    @DisplayName("REC-2, REC-4: a recomputation leaves a recording in progress to its completion and a destroyed one as"
            + " it is")
    void rec2_recomputeSkipsRecordingsInProgressAndDestroyed() {
        PatientId ann = clinic.patient("Ann");
        Recording inProgress = clinic.consultationInProgress(ann, DIRECT_CARE);
        Recording completed = clinic.completedConsultation(ann, DIRECT_CARE);
        Recording destroyed = clinic.recordingRepository()
                .save(clinic.completedConsultation(ann, DIRECT_CARE).toBuilder()
                        .state(RecordingState.DESTROYED)
                        .build());

        clinic.patients().recordTreatment(ann, LocalDate.parse("2027-09-15"));
        var changed = clinic.retention().recompute(ann);

        assertThat(changed).extracting(Recording::id).containsExactly(completed.id());
        assertThat(clinic.stored(inProgress.id())).isEqualTo(inProgress);
        assertThat(clinic.stored(destroyed.id())).isEqualTo(destroyed);
    }

    @Test
    @DisplayName("REC-2: when nothing changed, recomputing changes nothing")
    void rec2_recomputeWithoutChangeIsANoOp() {
        PatientId ann = clinic.patient("Ann");
        Recording completed = clinic.completedConsultation(ann, DIRECT_CARE);

        assertThat(clinic.retention().recompute(ann)).isEmpty();
        assertThat(clinic.stored(completed.id()).version()).isEqualTo(completed.version());
    }

    @Test
    @DisplayName("REC-2, POL-2: the schedule of the policy version a recording was made under is the one applied")
    void rec2_policyVersionOfTheRecordingApplies() {
        PatientId ann = clinic.patient("Ann");
        Recording inProgress = clinic.consultationInProgress(ann, DIRECT_CARE);
        clinic.policyChanged(p -> p.recordClass(RecordClass.MATERNITY));

        Recording completed = clinic.as(clinic.aClinician())
                .recordings()
                .complete(inProgress.id())
                .recording();

        assertThat(completed.policyVersion()).isEqualTo(1);
        assertThat(completed.retentionUntil()).isEqualTo(LocalDate.parse("2033-03-10"));
    }
}
