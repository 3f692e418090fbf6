/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * The one OperationOutcome factory: one issue per reason, its code from our error-code CodeSystem in
 * {@code details.coding}, the input element it is about in {@code expression}, errors as errors and warnings as
 * warnings. Clients read the codes, never the message text.
 */
public final class OperationOutcomes {

    private OperationOutcomes() {}

    public static OperationOutcome of(RuleViolationException e) {
        return of(e.reasons());
    }

    public static OperationOutcome of(Decision decision) {
        return of(decision.reasons());
    }

    public static OperationOutcome of(List<Reason> reasons) {
        OperationOutcome outcome = new OperationOutcome();
        reasons.forEach(r -> add(outcome, r));
        return outcome;
    }

    /** An outcome of one reason, for refusals the web layer makes itself (e.g. a truncated upload). */
    public static OperationOutcome of(ErrorCode code, String message, String location) {
        return of(List.of(Reason.error(code, message, location)));
    }

    private static void add(OperationOutcome outcome, Reason r) {
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(r.isError() ? IssueSeverity.ERROR : IssueSeverity.WARNING)
                .setCode(issueType(r.code()))
                .setDetails(new CodeableConcept(new Coding(
                                FhirUrls.CS_ERROR_CODE,
                                r.code().code(),
                                r.code().title()))
                        .setText(r.message()))
                .setDiagnostics(r.message());
        r.locationIfAny().ifPresent(issue::addExpression);
    }

    /** The FHIR issue type of a code: how generic clients classify it. */
    static IssueType issueType(ErrorCode code) {
        return switch (code) {
            case SAF_3, COV_2 -> IssueType.FORBIDDEN;
            case NF_1 -> IssueType.NOTFOUND;
            case VER_1 -> IssueType.CONFLICT;
            case SAF_4 -> IssueType.INVALID;
            case SAF_1, SAF_2 -> IssueType.EXCEPTION;
            case CON_11, REC_3 -> IssueType.INFORMATIONAL;
            default -> IssueType.BUSINESSRULE;
        };
    }
}
