/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.MetadataResource;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.fhir.FhirUrls;

/** FhirUrls and the package name the same canonical resources, in both directions. */
class CanonicalUrlsTest {

    private static final Set<String> CONSTANTS = Arrays.stream(FhirUrls.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .filter(f -> !f.getName().equals("BASE"))
            .map(CanonicalUrlsTest::value)
            .collect(Collectors.toSet());

    private static final Set<String> IN_PACKAGE = BuiltPackage.conformance().stream()
            .map(r -> ((MetadataResource) r).getUrl())
            .collect(Collectors.toSet());

    @Test
    void everyConstantNamesAResourceOfThePackage() {
        assertThat(IN_PACKAGE).containsAll(CONSTANTS);
    }

    @Test
    void everyCanonicalResourceOfThePackageIsAConstant() {
        assertThat(CONSTANTS).containsAll(IN_PACKAGE);
    }

    @Test
    void everyCanonicalIsUnderTheBase() {
        assertThat(IN_PACKAGE).allSatisfy(url -> assertThat(url).startsWith(FhirUrls.BASE + "/"));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
