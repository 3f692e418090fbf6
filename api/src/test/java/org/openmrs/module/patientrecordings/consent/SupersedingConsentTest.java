/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** A later decision on the same kinds and purposes supersedes the earlier one: only the latest is in force. */
@DisplayName("A later consent decision supersedes the earlier one")
class SupersedingConsentTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();

    @Test
    @DisplayName("given, withheld, given: only the latest is active; each earlier one names its successor")
    void givenWithheldGiven() {
        RecordingConsent first = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE, TRAINING);
        clinic.clock().advance(Duration.ofMinutes(5));
        RecordingConsent second = clinic.withheldConsent(ann, CONSULTATION, DIRECT_CARE, TRAINING);
        clinic.clock().advance(Duration.ofMinutes(5));
        RecordingConsent third = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE, TRAINING);

        assertThat(clinic.consentRepository().findByPatient(ann))
                .extracting(RecordingConsent::id, RecordingConsent::state, RecordingConsent::successor)
                .containsExactly(
                        tuple(first.id(), ConsentState.SUPERSEDED, second.id()),
                        tuple(second.id(), ConsentState.SUPERSEDED, third.id()),
                        tuple(third.id(), ConsentState.GIVEN, null));
        assertThat(clinic.notes().last().text())
                .contains("It replaces the earlier decision", second.id().value());
    }

    @Test
    @DisplayName("CON-4: after given then withheld, the refusal is in force and a recording cannot start")
    void refusalAfterConsentIsInForce() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.withheldConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann)
                        .in(clinic.encounterWithNoteOf(ann))
                        .forPurposes(DIRECT_CARE))))
                .contains(ErrorCode.CON_4);
    }

    @Test
    @DisplayName("CON-1: after withheld then given, the consent is in force and a recording starts")
    void consentAfterRefusalIsInForce() {
        clinic.withheldConsent(ann, CONSULTATION, DIRECT_CARE);
        RecordingConsent given = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.as(doctor);

        var started = clinic.start(
                clinic.aConsultationOf(ann).in(clinic.encounterWithNoteOf(ann)).forPurposes(DIRECT_CARE));

        assertThat(started.consent()).isEqualTo(given.id());
    }

    @Test
    @DisplayName("a decision on other kinds or purposes leaves the earlier one in force")
    void otherScopeIsNotSuperseded() {
        RecordingConsent care = clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        clinic.withheldConsent(ann, CONSULTATION, TRAINING);

        assertThat(clinic.consentRepository().find(care.id()).orElseThrow().state())
                .isEqualTo(ConsentState.GIVEN);
    }
}
