/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import java.time.LocalDate;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.standalone.host.Gender;
import org.openmrs.module.patientrecordings.standalone.host.HostPatient;
import org.openmrs.module.patientrecordings.standalone.host.NewPatient;

/**
 * Host patient and FHIR {@code Patient}: id, medical record number, official name, gender, birth date, death date.
 * Pure. A death is recorded through {@code $record-death}, never through the resource.
 */
final class PatientTranslator {

    private PatientTranslator() {}

    static Patient toFhir(HostPatient p) {
        Patient patient = new Patient();
        patient.setId(p.id().value());
        patient.addIdentifier()
                .setUse(Identifier.IdentifierUse.OFFICIAL)
                .setType(
                        new CodeableConcept(new Coding(HostIdentifiers.IDENTIFIER_TYPE, "MR", "Medical record number")))
                .setSystem(HostIdentifiers.MEDICAL_RECORD_NUMBER)
                .setValue(p.identifier());
        patient.addName()
                .setUse(HumanName.NameUse.OFFICIAL)
                .setFamily(p.familyName())
                .addGiven(p.givenName());
        patient.setGender(gender(p.gender()));
        if (p.birthDate() != null) {
            patient.setBirthDateElement(new DateType(p.birthDate().toString()));
        }
        if (p.deathDate() != null) {
            patient.setDeceased(dateTime(p.deathDate()));
        }
        return patient;
    }

    /**
     * What registering the patient takes. Missing elements are left null for the host to refuse by name; the
     * identifier is the one of our system, or the only one without a system.
     *
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 for a {@code deceased[x]}
     */
    static NewPatient toNewPatient(Patient patient) {
        if (patient.hasDeceased()) {
            throw FhirValues.invalid("Record a death with Patient/[id]/$record-death", "deceased");
        }
        HumanName name = patient.getName().stream()
                .filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
                .findFirst()
                .orElse(patient.getNameFirstRep());
        String given = name.getGiven().stream().map(StringType::getValue).collect(Collectors.joining(" "));
        return new NewPatient(
                identifier(patient),
                given.isEmpty() ? null : given,
                name.getFamily(),
                patient.hasGender() ? gender(patient.getGender()) : null,
                patient.hasBirthDate() ? FhirValues.day(patient.getBirthDateElement(), "birthDate") : null);
    }

    private static String identifier(Patient patient) {
        return patient.getIdentifier().stream()
                .filter(i -> HostIdentifiers.MEDICAL_RECORD_NUMBER.equals(i.getSystem()) || !i.hasSystem())
                .map(Identifier::getValue)
                .findFirst()
                .orElse(null);
    }

    static AdministrativeGender gender(Gender gender) {
        return switch (gender) {
            case MALE -> AdministrativeGender.MALE;
            case FEMALE -> AdministrativeGender.FEMALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        };
    }

    static Gender gender(AdministrativeGender gender) {
        return switch (gender) {
            case MALE -> Gender.MALE;
            case FEMALE -> Gender.FEMALE;
            case OTHER -> Gender.OTHER;
            default -> Gender.UNKNOWN;
        };
    }

    /** A day-precision dateTime: the host records the day of death, not the time. */
    static DateTimeType dateTime(LocalDate date) {
        return new DateTimeType(date.toString());
    }
}
