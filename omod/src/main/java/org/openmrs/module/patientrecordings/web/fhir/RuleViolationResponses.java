/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.fhir.OperationOutcomes;

/**
 * Turns every refusal into an OperationOutcome carrying our error codes, with the HTTP status its codes call for:
 * SAF-3 403, NF-1 404, VER-1 409 (412 when the client sent If-Match), a DELETE refused by REC-1 405, input errors
 * (SAF-4, malformed FHIR) 400, every other rule 422. HAPI's own 4xx errors get the matching code too, so that a
 * client only ever reads codes.
 */
@Interceptor
public final class RuleViolationResponses {

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException map(RequestDetails request, Throwable thrown) {
        RuleViolationException violation = find(thrown, RuleViolationException.class);
        if (violation != null) {
            return response(status(violation.reasons(), request), OperationOutcomes.of(violation));
        }
        DataFormatException malformed = find(thrown, DataFormatException.class);
        if (malformed != null) {
            return response(
                    400, OperationOutcomes.of(ErrorCode.SAF_4, "Malformed FHIR: " + malformed.getMessage(), null));
        }
        if (thrown instanceof BaseServerResponseException hapi && hapi.getStatusCode() < 500) {
            return response(
                    hapi.getStatusCode(), OperationOutcomes.of(codeFor(hapi.getStatusCode()), hapi.getMessage(), null));
        }
        return null;
    }

    static BaseServerResponseException response(int status, OperationOutcome outcome) {
        String message = outcome.getIssue().stream()
                .map(i -> i.getDetails().getCodingFirstRep().getCode() + ": " + i.getDiagnostics())
                .collect(Collectors.joining("; "));
        BaseServerResponseException e = new BaseServerResponseException(status, message) {
            private static final long serialVersionUID = 1L;
        };
        e.setOperationOutcome(outcome);
        return e;
    }

    static int status(List<Reason> reasons, RequestDetails request) {
        Set<ErrorCode> errors =
                reasons.stream().filter(Reason::isError).map(Reason::code).collect(Collectors.toSet());
        if (errors.contains(ErrorCode.SAF_3) || errors.contains(ErrorCode.COV_2)) {
            return 403;
        }
        if (errors.contains(ErrorCode.NF_1)) {
            return 404;
        }
        if (errors.contains(ErrorCode.VER_1)) {
            return request != null && request.getHeader("If-Match") != null ? 412 : 409;
        }
        if (errors.contains(ErrorCode.REC_1) && request != null && request.getRequestType() == RequestTypeEnum.DELETE) {
            return 405;
        }
        if (errors.contains(ErrorCode.SAF_1) || errors.contains(ErrorCode.SAF_2)) {
            return 500;
        }
        return errors.equals(Set.of(ErrorCode.SAF_4)) ? 400 : 422;
    }

    private static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401, 403 -> ErrorCode.SAF_3;
            case 404, 410 -> ErrorCode.NF_1;
            case 409, 412 -> ErrorCode.VER_1;
            default -> ErrorCode.SAF_4;
        };
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
