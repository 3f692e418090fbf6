/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.fhir.FhirUrls;

/** The error catalogue enum and the error-code CodeSystem list the same codes with the same titles. */
class ErrorCatalogueTest {

    private final CodeSystem codeSystem = BuiltPackage.conformance().stream()
            .filter(r -> r instanceof CodeSystem cs && FhirUrls.CS_ERROR_CODE.equals(cs.getUrl()))
            .map(CodeSystem.class::cast)
            .findFirst()
            .orElseThrow();

    private final Map<String, String> concepts = codeSystem.getConcept().stream()
            .collect(Collectors.toMap(ConceptDefinitionComponent::getCode, ConceptDefinitionComponent::getDisplay));

    @Test
    void everyErrorCodeIsInTheCodeSystemWithItsTitle() {
        Map<String, String> fromEnum =
                Arrays.stream(ErrorCode.values()).collect(Collectors.toMap(ErrorCode::code, ErrorCode::title));
        assertThat(concepts).containsAllEntriesOf(fromEnum);
    }

    @Test
    void everyConceptOfTheCodeSystemIsAnErrorCode() {
        assertThat(concepts.keySet())
                .allSatisfy(
                        code -> assertThat(ErrorCode.fromCode(code)).as(code).isPresent());
        assertThat(concepts).hasSize(ErrorCode.values().length);
    }

    @Test
    void theCodeSystemIsCompleteAndFlat() {
        assertThat(codeSystem.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.COMPLETE);
        assertThat(codeSystem.getConcept())
                .allSatisfy(c -> assertThat(c.getConcept()).isEmpty());
        assertThat(Arrays.stream(ErrorCode.values()).collect(Collectors.toMap(ErrorCode::code, Function.identity())))
                .hasSize(concepts.size());
    }
}
