/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One HAPI validator for all tests, loaded with R4 core and the built package from the classpath, the way an
 * integrator would load it. Building it and the first validation take seconds, so it is built once.
 */
final class SharedValidator {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    private static final FhirValidator VALIDATOR = create();

    private SharedValidator() {}

    private static FhirValidator create() {
        return PatientRecordingsPackage.newValidator(FHIR);
    }

    /** @return the messages of severity error or fatal */
    static List<SingleValidationMessage> errors(IBaseResource resource) {
        return PatientRecordingsPackage.errors(VALIDATOR, resource);
    }

    static String describe(List<SingleValidationMessage> messages) {
        StringBuilder text = new StringBuilder();
        messages.forEach(m ->
                text.append("\n  ").append(m.getLocationString()).append(": ").append(m.getMessage()));
        return text.toString();
    }
}
