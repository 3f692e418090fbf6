/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.policy.ConsentGiver;
import org.openmrs.module.patientrecordings.policy.ConsentGiver.Authority;
import org.openmrs.module.patientrecordings.policy.ConsentGiver.Consulted;
import org.openmrs.module.patientrecordings.port.ClinicalNotes.Note;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** CON-12: a consent records who gave it, on what authority, and the note says so. */
@DisplayName("CON-12: who gave consent")
class WhoGaveConsentTest {

    private final Clinic clinic = new Clinic();
    private final StaffMember doctor = clinic.aClinician();
    /** Ten years old on the clinic's day. */
    private final PatientId child = clinic.patientBornOn(
            "Sam", LocalDate.ofInstant(clinic.clock().instant(), ZoneOffset.UTC).minusYears(10));

    private final PatientId adult = clinic.patient("Ann");

    @Test
    @DisplayName("CON-12: a child under 16 consenting themself without the competence attestation is refused")
    void con12_childWithoutCompetenceIsRefused() {
        clinic.as(doctor);

        assertThat(refusalCodes(
                        () -> clinic.consents().give(clinic.aConsentOf(child).build())))
                .containsExactly(ErrorCode.CON_12);
        assertThat(clinic.consentRepository().findByPatient(child)).isEmpty();
    }

    @Test
    @DisplayName("CON-12: a competent child consents themself, and the note says the clinician attested it")
    void con12_competentChildConsents() {
        EncounterId visit = clinic.encounterOf(child);

        RecordingConsent consent = clinic.as(doctor)
                .consents()
                .give(clinic.aConsentOf(child)
                        .in(visit)
                        .givenBy(ConsentGiver.patient(true))
                        .build())
                .consent();

        assertThat(consent.giver()).isEqualTo(ConsentGiver.patient(true));
        Note note = clinic.notes().last();
        assertThat(note.encounter()).isEqualTo(visit);
        assertThat(note.text()).contains("by the patient, under 16", "competence");
    }

    @Test
    @DisplayName("CON-12: a parent with parental responsibility consents for a child, named with the relationship")
    void con12_parentConsents() {
        RecordingConsent consent = clinic.as(doctor)
                .consents()
                .give(clinic.aConsentOf(child)
                        .givenBy(ConsentGiver.representative(
                                Authority.PARENTAL_RESPONSIBILITY, "Sara Example", "mother"))
                        .build())
                .consent();

        assertThat(consent.state()).isEqualTo(ConsentState.GIVEN);
        assertThat(clinic.consentRepository().find(consent.id()).orElseThrow().giver())
                .isEqualTo(consent.giver());
        assertThat(clinic.notes().last().text()).contains("by Sara Example (mother), who has parental responsibility");
    }

    @Test
    @DisplayName("CON-12: a representative without name and relationship is refused, both named")
    void con12_representativeMustBeNamed() {
        clinic.as(doctor);

        var refusal = catchThrowableOfType(
                RuleViolationException.class,
                () -> clinic.consents()
                        .withhold(clinic.aConsentOf(adult)
                                .forPurposes(TRAINING)
                                .givenBy(ConsentGiver.representative(Authority.LASTING_POWER_OF_ATTORNEY, " ", null))
                                .build()));

        assertThat(refusal.reasons())
                .extracting(r -> r.code() + " " + r.location())
                .containsExactlyInAnyOrder("CON_12 performer", "CON_12 relationship");
    }

    @Test
    @DisplayName("CON-12: a best-interests decision names the deciding clinician and every person consulted")
    void con12_bestInterestsDecision() {
        List<Consulted> consulted = List.of(new Consulted("Joe Carer", "paid carer"), new Consulted("Ria", "daughter"));

        RecordingConsent consent = clinic.as(doctor)
                .consents()
                .give(clinic.aConsentOf(adult)
                        .givenBy(ConsentGiver.bestInterests(consulted))
                        .build())
                .consent();

        assertThat(consent.giver().consulted()).isEqualTo(consulted);
        assertThat(clinic.notes().last().text())
                .contains(
                        "best-interests decision by " + clinic.notes().nameOf(doctor.id()),
                        "Joe Carer (paid carer), Ria (daughter)")
                .doesNotContain(doctor.id().value());
    }

    @Test
    @DisplayName("CON-12: a best-interests decision without the people consulted is refused")
    void con12_bestInterestsNeedsThePeopleConsulted() {
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.consents()
                        .give(clinic.aConsentOf(adult)
                                .givenBy(ConsentGiver.bestInterests(List.of()))
                                .build())))
                .containsExactly(ErrorCode.CON_12);
        assertThat(refusalCodes(() -> clinic.consents()
                        .give(clinic.aConsentOf(adult)
                                .givenBy(ConsentGiver.bestInterests(List.of(new Consulted("Joe", ""))))
                                .build())))
                .containsExactly(ErrorCode.CON_12);
    }

    @Test
    @DisplayName("CON-12, SEC-3: a best-interests decision covers the patient's care, not a secondary purpose")
    void con12_bestInterestsCoversCareOnly() {
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.consents()
                        .give(clinic.aConsentOf(adult)
                                .forPurposes(DIRECT_CARE, TRAINING)
                                .givenBy(ConsentGiver.bestInterests(List.of(new Consulted("Ria", "daughter"))))
                                .build())))
                .containsExactly(ErrorCode.SEC_3);
    }

    @Test
    @DisplayName("CON-12: a best-interests decision is for adults; for a child a parent decides")
    void con12_noBestInterestsForAChild() {
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.consents()
                        .give(clinic.aConsentOf(child)
                                .givenBy(ConsentGiver.bestInterests(List.of(new Consulted("Sara", "mother"))))
                                .build())))
                .containsExactly(ErrorCode.CON_12);
    }
}
