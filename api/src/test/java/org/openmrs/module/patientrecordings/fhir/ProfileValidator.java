/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One HAPI validator for the translator tests: R4 core plus our profiles from source, whose snapshots HAPI
 * generates on first use. Built once: the first validation takes seconds.
 */
final class ProfileValidator {

    private static final FhirValidator VALIDATOR = create();

    private ProfileValidator() {}

    private static FhirValidator create() {
        PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(ProfileSources.FHIR);
        ProfileSources.conformance().forEach(ours::addResource);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(ProfileSources.FHIR),
                ours,
                new SnapshotGeneratingValidationSupport(ProfileSources.FHIR),
                new InMemoryTerminologyServerValidationSupport(ProfileSources.FHIR),
                new CommonCodeSystemsTerminologyService(ProfileSources.FHIR));
        return ProfileSources.FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    /** @return the messages of severity error or fatal */
    static List<SingleValidationMessage> errors(IBaseResource resource) {
        return VALIDATOR.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
    }

    static String describe(List<SingleValidationMessage> messages) {
        return messages.stream()
                .map(m -> "\n  " + m.getLocationString() + ": " + m.getMessage())
                .collect(Collectors.joining());
    }
}
