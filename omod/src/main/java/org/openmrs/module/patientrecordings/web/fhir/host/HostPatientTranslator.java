/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir.host;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * A host's patient as a FHIR {@code Patient}: id, identifiers, official name, gender, birth date, and the death (the
 * day, or that the patient died when the host has no date). Pure.
 */
public final class HostPatientTranslator {

    /** HL7's identifier types (v2-0203). */
    public static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private HostPatientTranslator() {}

    public static Patient toFhir(HostRecords.Patient p) {
        Patient patient = new Patient();
        patient.setId(p.id().value());
        for (HostRecords.Identifier i : p.identifiers()) {
            Identifier identifier = patient.addIdentifier()
                    .setUse(i.official() ? Identifier.IdentifierUse.OFFICIAL : Identifier.IdentifierUse.USUAL)
                    .setSystem(i.system())
                    .setValue(i.value());
            if (i.typeCode() != null || i.type() != null) {
                CodeableConcept type = new CodeableConcept().setText(i.type());
                if (i.typeCode() != null) {
                    type.addCoding()
                            .setSystem(IDENTIFIER_TYPE)
                            .setCode(i.typeCode())
                            .setDisplay(i.type());
                }
                identifier.setType(type);
            }
        }
        if (p.family() != null || !p.given().isEmpty()) {
            HumanName name =
                    patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.family());
            p.given().forEach(name::addGiven);
        }
        patient.setGender(p.gender());
        if (p.birthDate() != null) {
            patient.setBirthDateElement(new DateType(p.birthDate().toString()));
        }
        if (p.deathDate() != null) {
            // The host records the day of death, not the time.
            patient.setDeceased(new DateTimeType(p.deathDate().toString()));
        } else if (p.deceased()) {
            patient.setDeceased(new BooleanType(true));
        }
        return patient;
    }
}
