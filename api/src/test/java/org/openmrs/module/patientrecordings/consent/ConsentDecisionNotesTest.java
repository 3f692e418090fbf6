/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.port.ClinicalNotes.Note;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/**
 * CON-8: every consent decision is written into the patient's record beside the encounter's notes, with who, when
 * and what; when the note cannot be written the decision fails and nothing is saved.
 */
@DisplayName("CON-8: consent decisions in the patient's record")
class ConsentDecisionNotesTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();
    private final EncounterId encounter = clinic.encounterWithNoteOf(ann);

    @Test
    @DisplayName("CON-8: consent given is noted beside the encounter with who, when and what was agreed")
    void con8_givenIsNoted() {
        clinic.as(doctor)
                .consents()
                .give(clinic.aConsentOf(ann)
                        .in(encounter)
                        .forPurposes(DIRECT_CARE, TRAINING)
                        .build());

        Note note = clinic.notes().last();
        assertWrittenByDoctorNow(note);
        assertThat(note.encounter()).isEqualTo(encounter);
        assertThat(note.text()).contains("GIVEN", "TRAINING", "DIRECT_CARE", "CONSULTATION");
    }

    @Test
    @DisplayName("CON-8: consent withheld is noted")
    void con8_withheldIsNoted() {
        clinic.as(doctor)
                .consents()
                .withhold(clinic.aConsentOf(ann)
                        .in(encounter)
                        .forPurposes(TRAINING)
                        .build());

        Note note = clinic.notes().last();
        assertWrittenByDoctorNow(note);
        assertThat(note.text()).contains("WITHHELD", "TRAINING");
    }

    @Test
    @DisplayName("CON-8: a withdrawal is noted, with what it did to the recordings")
    void con8_withdrawalIsNoted() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE, TRAINING);
        clinic.clock().advance(Duration.ofDays(3));

        clinic.as(doctor).consents().withdraw(recording.consent(), "please stop using it for teaching");

        Note note = clinic.notes().last();
        assertWrittenByDoctorNow(note);
        assertThat(note.text()).contains("WITHDRAWN", recording.id().value(), "please stop using it for teaching");
    }

    @Test
    @DisplayName("CON-8: a confirmation after the recording is noted")
    void con8_confirmationIsNoted() {
        Recording recording = clinic.completedConsultation(ann, DIRECT_CARE);

        clinic.as(doctor).consents().confirmAfterRecording(recording.id(), true, true, null, null);

        Note note = clinic.notes().last();
        assertWrittenByDoctorNow(note);
        assertThat(note.text()).contains("CONFIRMED", recording.id().value());
    }

    @Test
    @DisplayName("CON-8: a refusal after the recording is noted")
    void con8_refusalAfterRecordingIsNoted() {
        Recording recording = clinic.completedConsultation(ann, DIRECT_CARE, TRAINING);

        clinic.as(doctor).consents().confirmAfterRecording(recording.id(), false, true, null, "not for teaching");

        Note note = clinic.notes().last();
        assertWrittenByDoctorNow(note);
        assertThat(note.text()).contains("REFUSED", recording.id().value(), "not for teaching");
    }

    @Test
    @DisplayName("CON-8: the answer after a recording is written in the recording's encounter")
    void con8_confirmationGoesIntoTheRecordingsEncounter() {
        Recording recording = clinic.completedConsultation(ann, DIRECT_CARE);

        clinic.as(doctor).consents().confirmAfterRecording(recording.id(), true, true, null, null);

        assertThat(recording.encounter()).isNotNull();
        assertThat(clinic.notes().last().encounter()).isEqualTo(recording.encounter());
    }

    @Test
    @DisplayName("CON-8: a withdrawal during a recording is written in the recording's encounter")
    void con8_withdrawalDuringRecordingGoesIntoItsEncounter() {
        Recording recording = clinic.consultationInProgress(ann, DIRECT_CARE);

        clinic.as(doctor).consents().withdraw(recording.consent(), null);

        assertThat(clinic.notes().last().encounter()).isEqualTo(recording.encounter());
    }

    @Test
    @DisplayName("CON-8: a withdrawal that stops no recording is written in the consent's own encounter")
    void con8_withdrawalStoppingNothingGoesIntoTheConsentsEncounter() {
        Recording earlier = clinic.confirmedConsultation(ann, DIRECT_CARE);
        RecordingConsent training = clinic.as(doctor)
                .consents()
                .give(clinic.aConsentOf(ann).in(encounter).forPurposes(TRAINING).build())
                .consent();

        var withdrawn = clinic.consents().withdraw(training.id(), null);

        assertThat(withdrawn.changed()).isEmpty();
        assertThat(earlier.encounter()).isNotNull().isNotEqualTo(encounter);
        assertThat(clinic.notes().last().encounter()).isEqualTo(encounter);
    }

    @Test
    @DisplayName("CON-8: a withdrawal stopping a recording made outside any encounter is written in the consent's")
    void con8_withdrawalStoppingRecordingWithoutEncounterGoesIntoTheConsentsEncounter() {
        RecordingConsent consent = clinic.as(doctor)
                .consents()
                .give(clinic.aConsentOf(ann)
                        .in(encounter)
                        .forPurposes(DIRECT_CARE)
                        .build())
                .consent();
        Recording recording = clinic.start(clinic.aConsultationOf(ann).forPurposes(DIRECT_CARE));
        assertThat(recording.encounter()).isNull();

        var withdrawn = clinic.consents().withdraw(consent.id(), null);

        assertThat(withdrawn.consent().history())
                .last()
                .extracting(ConsentEvent::recording)
                .isEqualTo(recording.id());
        assertThat(clinic.notes().last().encounter()).isEqualTo(encounter);
    }

    @Test
    @DisplayName("CON-11, CON-8: a defensive purpose's stated reason is noted; a consent without one notes none")
    void con11_defenceReasonIsNoted() {
        clinic.as(doctor)
                .consents()
                .give(clinic.aConsentOf(ann)
                        .in(encounter)
                        .forPurposes(DIRECT_CARE)
                        .build());
        assertThat(clinic.notes().last().text())
                .as("CON-2: what the patient was told about copies")
                .contains("Copies: no.")
                .doesNotContain("Defensive purpose");

        clinic.consents()
                .give(clinic.aConsentOf(ann)
                        .in(encounter)
                        .forPurposes(Purpose.DEFENCE)
                        .defenceReason("a complaint about this clinic is expected")
                        .build());

        assertThat(clinic.notes().last().text())
                .contains("Defensive purpose, stated reason: a complaint about this clinic is expected.");
    }

    @Test
    @DisplayName("CON-6, REC-5: a withdrawal's note says when a legal hold defers the destruction, and only then")
    void con6_withdrawalNoteSaysALegalHoldDefersDestruction() {
        Recording held = clinic.confirmedConsultation(ann, TRAINING);
        clinic.as(clinic.aRecordsManager()).registers().placeLegalHold(ann, LegalAuthority.COMPLAINT, "CMP-7");

        clinic.as(doctor).consents().withdraw(held.consent(), null);

        assertThat(clinic.notes().last().text())
                .contains("recording " + held.id() + " made only for secondary purposes sealed for destruction"
                        + " (deferred by a legal hold)");

        PatientId bea = clinic.patient("Bea");
        Recording free = clinic.confirmedConsultation(bea, TRAINING);
        clinic.as(doctor).consents().withdraw(free.consent(), null);

        assertThat(clinic.notes().last().text())
                .contains("recording " + free.id() + " made only for secondary purposes sealed for destruction")
                .doesNotContain("legal hold");
    }

    @Test
    @DisplayName("CON-8: a decision made with no encounter stays on the patient")
    void con8_noEncounterStaysOnThePatient() {
        clinic.as(doctor).consents().give(clinic.aConsentOf(ann).build());

        assertThat(clinic.notes().last().encounter()).isNull();
    }

    @Test
    @DisplayName("CON-8: when the note cannot be written, a consent given fails and nothing is saved")
    void con8_givenFailsWithoutNote() {
        clinic.notes().failAppends(true);
        clinic.as(doctor);

        assertThatThrownBy(() -> clinic.consents()
                        .give(clinic.aConsentOf(ann).in(encounter).build()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(clinic.consentRepository().findByPatient(ann)).isEmpty();
    }

    @Test
    @DisplayName("CON-8: when the note cannot be written, a refusal fails and nothing is saved")
    void con8_withheldFailsWithoutNote() {
        clinic.notes().failAppends(true);
        clinic.as(doctor);

        assertThatThrownBy(() -> clinic.consents()
                        .withhold(clinic.aConsentOf(ann).forPurposes(TRAINING).build()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(clinic.consentRepository().findByPatient(ann)).isEmpty();
    }

    @Test
    @DisplayName("CON-8: when the note cannot be written, a withdrawal fails: consent and recordings unchanged")
    void con8_withdrawalFailsWithoutNote() {
        Recording recording = clinic.consultationInProgress(ann, DIRECT_CARE);
        RecordingConsent before =
                clinic.consentRepository().find(recording.consent()).orElseThrow();
        clinic.notes().failAppends(true);
        clinic.as(doctor);

        assertThatThrownBy(() -> clinic.consents().withdraw(before.id(), null))
                .isInstanceOf(IllegalStateException.class);

        assertThat(clinic.consentRepository().find(before.id())).contains(before);
        assertThat(clinic.stored(recording.id())).isEqualTo(recording);
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.IN_PROGRESS);
    }

    @Test
    @DisplayName("CON-8: when the note cannot be written, a confirmation fails: consent and recording unchanged")
    void con8_confirmationFailsWithoutNote() {
        Recording recording = clinic.completedConsultation(ann, DIRECT_CARE);
        RecordingConsent before =
                clinic.consentRepository().find(recording.consent()).orElseThrow();
        clinic.notes().failAppends(true);
        clinic.as(doctor);

        assertThatThrownBy(() -> clinic.consents().confirmAfterRecording(recording.id(), true, false, null, null))
                .isInstanceOf(IllegalStateException.class);

        assertThat(clinic.consentRepository().find(before.id())).contains(before);
        assertThat(clinic.stored(recording.id()).state()).isEqualTo(RecordingState.PENDING_CONFIRMATION);
        assertThat(before.state()).isEqualTo(ConsentState.GIVEN);
    }

    private void assertWrittenByDoctorNow(Note note) {
        assertThat(note.patient()).isEqualTo(ann);
        assertThat(note.author()).isEqualTo(doctor.id());
        assertThat(note.at()).isEqualTo(clinic.clock().instant());
        // People are named as the host names them, never by their id.
        assertThat(note.text())
                .contains("Recorded by " + clinic.notes().nameOf(doctor.id()))
                .doesNotContain(doctor.id().value());
    }
}
