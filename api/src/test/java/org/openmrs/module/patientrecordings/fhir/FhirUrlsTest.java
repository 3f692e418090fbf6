/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FhirUrlsTest {

    private static final Pattern CANONICAL = Pattern.compile(Pattern.quote(FhirUrls.BASE)
            + "/(StructureDefinition|CodeSystem|ValueSet|SearchParameter|OperationDefinition|CapabilityStatement)"
            + "/[A-Za-z0-9\\-.]{1,64}");

    @Test
    void everyCanonicalIsTypeAndIdUnderTheBase() {
        assertThat(canonicals())
                .isNotEmpty()
                .allMatch(url -> CANONICAL.matcher(url).matches());
    }

    @Test
    void noTwoConstantsNameTheSameResource() {
        assertThat(canonicals()).doesNotHaveDuplicates();
    }

    @Test
    void theBaseIsHttpsWithoutTrailingSlash() {
        assertThat(FhirUrls.BASE).startsWith("https://").doesNotEndWith("/");
    }

    private static List<String> canonicals() {
        return Arrays.stream(FhirUrls.class.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers()))
                .filter(f -> !f.getName().equals("BASE"))
                .map(FhirUrlsTest::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
