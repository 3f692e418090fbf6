/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.standalone.fhir.Refusals.assertRefused;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.standalone.host.Gender;
import org.openmrs.module.patientrecordings.standalone.host.HostPatient;
import org.openmrs.module.patientrecordings.standalone.host.NewPatient;

class PatientTranslatorTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final HostPatient amelia = new HostPatient(
            PatientId.of("p-1"), "MRN-1", "Amelia Rose", "Clarke", Gender.FEMALE, LocalDate.of(1984, 3, 12), null);

    @Test
    void aPatientSurvivesTheRoundTripThroughFhirJson() {
        Patient parsed = throughJson(PatientTranslator.toFhir(amelia));

        NewPatient back = PatientTranslator.toNewPatient(parsed);

        assertThat(back)
                .isEqualTo(new NewPatient("MRN-1", "Amelia Rose", "Clarke", Gender.FEMALE, LocalDate.of(1984, 3, 12)));
        assertThat(parsed.getIdPart()).isEqualTo("p-1");
        assertThat(parsed.getIdentifierFirstRep().getSystem()).isEqualTo(HostIdentifiers.MEDICAL_RECORD_NUMBER);
    }

    @Test
    void showsARecordedDeathAsTheDayOfDeath() {
        HostPatient dead = new HostPatient(
                amelia.id(), "MRN-1", "Amelia", "Clarke", Gender.FEMALE, null, LocalDate.of(2026, 11, 1));

        Patient patient = throughJson(PatientTranslator.toFhir(dead));

        assertThat(patient.getDeceasedDateTimeType().getValueAsString()).isEqualTo("2026-11-01");
        assertThat(patient.hasBirthDate()).isFalse();
    }

    @Test
    void takesTheIdentifierOfOurSystemOverOthersAndTheOfficialName() {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("https://nhs.uk/nhs-number").setValue("9434765919");
        patient.addIdentifier().setSystem(HostIdentifiers.MEDICAL_RECORD_NUMBER).setValue("MRN-7");
        patient.addName().setFamily("Nickname").addGiven("Milly");
        patient.addName()
                .setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL)
                .setFamily("Clarke")
                .addGiven("Amelia");
        patient.setGender(AdministrativeGender.OTHER);

        NewPatient details = PatientTranslator.toNewPatient(patient);

        assertThat(details).isEqualTo(new NewPatient("MRN-7", "Amelia", "Clarke", Gender.OTHER, null));
    }

    @Test
    void leavesMissingElementsForTheHostToRefuseByName() {
        assertThat(PatientTranslator.toNewPatient(new Patient()))
                .isEqualTo(new NewPatient(null, null, null, null, null));
    }

    @Test
    void refusesADeathSentWithTheResourceAndABirthDateThatIsNoDay() {
        Patient deceased = new Patient().setDeceased(new DateTimeType("2026-01-01"));
        Patient bornSomeYear = new Patient().setBirthDateElement(new DateType("1984"));

        assertRefused(() -> PatientTranslator.toNewPatient(deceased), ErrorCode.SAF_4, "deceased");
        assertRefused(() -> PatientTranslator.toNewPatient(bornSomeYear), ErrorCode.SAF_4, "birthDate");
    }

    private static Patient throughJson(Patient patient) {
        return FHIR.newJsonParser()
                .parseResource(Patient.class, FHIR.newJsonParser().encodeResourceToString(patient));
    }
}
