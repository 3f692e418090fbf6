/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.openmrs.module.patientrecordings.fhir.profiles.PatientRecordingsPackage;

/** The built FHIR package from the classpath, as an integrator loads it; one validator for all tests. */
final class PackageValidator {

    private static final FhirValidator VALIDATOR = PatientRecordingsPackage.newValidator(FhirContext.forR4Cached());

    private PackageValidator() {}

    /** Errors and fatal messages, each as "location: message"; empty for a valid resource. */
    static List<String> errors(IBaseResource resource) {
        return PatientRecordingsPackage.errors(VALIDATOR, resource).stream()
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }
}
