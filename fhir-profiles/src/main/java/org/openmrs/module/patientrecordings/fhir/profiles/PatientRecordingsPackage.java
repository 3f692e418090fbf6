/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The built package as this jar carries it on the classpath, for modules that validate against the profiles at
 * runtime.
 */
public final class PatientRecordingsPackage {

    /** Classpath folder of the package tarball inside this jar. */
    public static final String CLASSPATH_FOLDER = "fhir";

    /** The package name, as in its {@code package.json}. */
    public static final String NAME = "openmrs.fhir.patientrecordings";

    /** Where {@link NpmPackageValidationSupport#loadPackageFromClasspath(String)} finds the package. */
    public static final String CLASSPATH_LOCATION = "classpath:" + CLASSPATH_FOLDER + "/" + NAME + ".tgz";

    private PatientRecordingsPackage() {}

    /**
     * Loads every conformance resource of the package (not the examples) into a new validation support, to be put
     * into a {@code ValidationSupportChain} next to HAPI's default R4 support.
     *
     * @throws UncheckedIOException when the package is not on the classpath
     */
    public static NpmPackageValidationSupport validationSupport(FhirContext fhir) {
        NpmPackageValidationSupport support = new NpmPackageValidationSupport(fhir);
        try {
            support.loadPackageFromClasspath(CLASSPATH_LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException("the FHIR package is not on the classpath at " + CLASSPATH_LOCATION, e);
        }
        return support;
    }

    /**
     * A new instance validator over the R4 base definitions and this package, as an integrator would build it: a
     * resource is checked against the base specification and against every profile of ours it declares; codes of
     * our CodeSystems and of the common HL7 ones are checked in memory, without a terminology server. Building it
     * and its first validation take seconds: build one and reuse it (it is thread-safe).
     */
    public static FhirValidator newValidator(FhirContext fhir) {
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                validationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        return fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    /** The messages of severity error or fatal that {@code validator} reports for {@code resource}. */
    public static List<SingleValidationMessage> errors(FhirValidator validator, IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
    }
}
