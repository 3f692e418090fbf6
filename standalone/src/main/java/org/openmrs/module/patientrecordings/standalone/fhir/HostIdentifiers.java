/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import org.openmrs.module.patientrecordings.fhir.FhirUrls;

/** The naming systems and codes of the standalone server's host data in FHIR. */
final class HostIdentifiers {

    /** The standalone server's medical record numbers ({@code Patient.identifier}). */
    static final String MEDICAL_RECORD_NUMBER = FhirUrls.BASE + "/sid/standalone-medical-record-number";

    /** LOINC 34109-9 "Note": the generic clinical note document type. */
    static final String NOTE_LOINC = "34109-9";

    private HostIdentifiers() {}
}
