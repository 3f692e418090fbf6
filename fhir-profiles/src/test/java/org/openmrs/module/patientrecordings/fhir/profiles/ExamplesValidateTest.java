/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExamplesValidateTest {

    static Stream<Resource> examples() {
        return BuiltPackage.examples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleValidatesAgainstItsProfileWithoutErrors(Resource example) {
        assertThat(example.getMeta().getProfile()).as("declares its profile").hasSize(1);
        var errors = SharedValidator.errors(example);
        assertThat(errors)
                .as(example.fhirType() + "/" + example.getIdPart() + SharedValidator.describe(errors))
                .isEmpty();
    }

    @Test
    void thereIsAnExampleForEveryScenarioOfTheRequirements() {
        List<String> ids = BuiltPackage.examples().stream()
                .map(r -> r.fhirType() + "/" + r.getIdPart())
                .toList();
        assertThat(ids)
                .contains(
                        "Consent/consent-given",
                        "Consent/consent-withheld",
                        "Consent/consent-withdrawn",
                        "Media/withdrawn-recording",
                        "Media/xray-implicit-consent",
                        "Media/patient-made-recording",
                        "Media/telephone-call",
                        "Media/covert-recording",
                        "Media/anonymised-derivative",
                        "Media/legal-hold-recording",
                        "AuditEvent/disclosure-audit");
    }
}
