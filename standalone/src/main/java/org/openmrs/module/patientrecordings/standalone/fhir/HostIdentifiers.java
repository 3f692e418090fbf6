/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import org.openmrs.module.patientrecordings.fhir.FhirUrls;

/** The naming systems and codes of the standalone server's host data in FHIR. */
final class HostIdentifiers {

    /** The standalone server's medical record numbers ({@code Patient.identifier}). */
    static final String MEDICAL_RECORD_NUMBER = FhirUrls.BASE + "/sid/standalone-medical-record-number";

    static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    /** LOINC 34109-9 "Note": the generic clinical note document type. */
    static final String NOTE_LOINC = "34109-9";

    private HostIdentifiers() {}
}
