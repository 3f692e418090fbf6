/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.openmrs.module.patientrecordings.fhir.profiles.PatientRecordingsPackage;

/**
 * HAPI's instance validator over the base specification and the built conformance package from the classpath, as an
 * integrator loads it: a resource is checked against the base definitions and against every profile it declares.
 */
final class ProfileValidator {

    private static final FhirValidator VALIDATOR = PatientRecordingsPackage.newValidator(FhirContext.forR4Cached());

    private ProfileValidator() {}

    /** Errors and fatal messages, each as "location: message"; empty for a valid resource. */
    static List<String> errors(IBaseResource resource) {
        return PatientRecordingsPackage.errors(VALIDATOR, resource).stream()
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }
}
