/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

class OperationOutcomesTest {

    @Test
    void everyReasonOfARefusalIsOneIssueWithItsCodeAndLocation() {
        Decision.Denied denied = (Decision.Denied) Decision.of(List.of(
                Reason.error(ErrorCode.CON_2, "Record who will be allowed to see it", "audience"),
                Reason.error(ErrorCode.CON_3, "Attest that the patient was under no pressure", "attestation"),
                Reason.warning(ErrorCode.CON_11, "Recording only to defend against complaints is discouraged")));

        OperationOutcome outcome = OperationOutcomes.of(new RuleViolationException(denied));

        assertThat(outcome.getIssue()).hasSize(3);
        assertThat(outcome.getIssue())
                .extracting(i -> i.getDetails().getCodingFirstRep().getCode())
                .containsExactly("CON-2", "CON-3", "CON-11");
        assertThat(outcome.getIssue())
                .extracting(i -> i.getSeverity())
                .containsExactly(
                        OperationOutcome.IssueSeverity.ERROR,
                        OperationOutcome.IssueSeverity.ERROR,
                        OperationOutcome.IssueSeverity.WARNING);
        assertThat(outcome.getIssue().get(0).getExpression())
                .extracting(e -> e.getValue())
                .containsExactly("audience");
        assertThat(outcome.getIssue().get(1).getDetails().getCodingFirstRep().getSystem())
                .isEqualTo(FhirUrls.CS_ERROR_CODE);
    }

    @Test
    void theErrorCodeSystemListsExactlyTheCatalogue() {
        CodeSystem published = (CodeSystem) ProfileSources.conformance().stream()
                .filter(r -> r instanceof CodeSystem cs && FhirUrls.CS_ERROR_CODE.equals(cs.getUrl()))
                .findFirst()
                .orElseThrow();

        assertThat(published.getConcept())
                .extracting(c -> c.getCode())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
    }

    @Test
    void anOutcomeValidatesAgainstTheBaseSpecification() {
        var errors = ProfileValidator.errors(OperationOutcomes.of(ErrorCode.SAF_4, "Truncated upload", "content"));

        assertThat(errors).as(ProfileValidator.describe(errors)).isEmpty();
    }
}
