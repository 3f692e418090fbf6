/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.standalone.host.Gender;
import org.openmrs.module.patientrecordings.standalone.host.HostPatient;
import org.openmrs.module.patientrecordings.standalone.host.NewPatient;
import org.openmrs.module.patientrecordings.web.fhir.host.FhirValues;
import org.openmrs.module.patientrecordings.web.fhir.host.HostPatientTranslator;
import org.openmrs.module.patientrecordings.web.fhir.host.HostRecords;

/**
 * Host patient and FHIR {@code Patient}: out through the translator both hosts share ({@link HostPatientTranslator}),
 * with the medical record number as the official identifier; in as what registering a patient takes. A death is
 * recorded through {@code $record-death}, never through the resource.
 */
final class PatientTranslator {

    private PatientTranslator() {}

    static Patient toFhir(HostPatient p) {
        return HostPatientTranslator.toFhir(record(p));
    }

    /** The patient as both hosts' FHIR endpoint reads it. */
    static HostRecords.Patient record(HostPatient p) {
        return new HostRecords.Patient(
                p.id(),
                List.of(new HostRecords.Identifier(
                        HostIdentifiers.MEDICAL_RECORD_NUMBER, p.identifier(), "MR", "Medical record number", true)),
                List.of(p.givenName()),
                p.familyName(),
                gender(p.gender()),
                p.birthDate(),
                p.deathDate() != null,
                p.deathDate());
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
}
