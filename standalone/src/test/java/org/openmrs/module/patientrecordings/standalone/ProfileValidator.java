/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.openmrs.module.patientrecordings.fhir.profiles.PatientRecordingsPackage;

/**
 * HAPI's instance validator over the base specification and the built conformance package from the classpath, as an
 * integrator loads it: a resource is checked against the base definitions and against every profile it declares.
 */
final class ProfileValidator {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR = FHIR.newValidator()
            .registerValidatorModule(new FhirInstanceValidator(new ValidationSupportChain(
                    new DefaultProfileValidationSupport(FHIR),
                    PatientRecordingsPackage.validationSupport(FHIR),
                    new InMemoryTerminologyServerValidationSupport(FHIR),
                    new CommonCodeSystemsTerminologyService(FHIR),
                    new SnapshotGeneratingValidationSupport(FHIR))));

    private ProfileValidator() {}

    /** Errors and fatal messages, each as "location: message"; empty for a valid resource. */
    static List<String> errors(IBaseResource resource) {
        return VALIDATOR.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }
}
