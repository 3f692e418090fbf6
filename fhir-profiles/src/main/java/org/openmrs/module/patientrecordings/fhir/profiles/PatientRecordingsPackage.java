/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;

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
}
