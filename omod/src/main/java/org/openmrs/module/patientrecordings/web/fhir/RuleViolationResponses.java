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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.fhir.OperationOutcomes;
import org.openmrs.module.patientrecordings.fhir.UnreadableBodies;
import org.openmrs.module.patientrecordings.persistence.DatabaseUnavailable;
import org.openmrs.module.patientrecordings.storage.StoreFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every refusal into an OperationOutcome carrying our error codes, with the HTTP status its codes call for:
 * SAF-3 and a sealed recording (CON-5) 403, NF-1 404, VER-1 409 (412 when the client sent If-Match), a DELETE refused by REC-1 405, input errors
 * (SAF-4, malformed FHIR, including a body HAPI's parser fails on, {@link UnreadableBodies}) 400, every other rule 422. HAPI's own 4xx errors get the matching code too, so that a
 * client only ever reads codes, with HAPI's message codes kept out of {@code details.text}. A value the domain
 * refuses is the client's input (400, SAF-4); anything else is logged under an incident id and answered 500 with that
 * id alone, never a class name or a stack trace. A database that cannot be reached is answered 503 with {@code
 * Retry-After}: the request changed nothing and may be tried again ({@link DatabaseUnavailable}); a content store that
 * is full is answered 507, one that fails otherwise 503 ({@link StoreFault}).
 */
@Interceptor
public final class RuleViolationResponses {

    private static final Logger LOG = LoggerFactory.getLogger(RuleViolationResponses.class);
    private static final int RETRY_STORE_SECONDS = 30;
    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-[0-9]{4}: ");

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException map(RequestDetails request, Throwable thrown) {
        Optional<BaseServerResponseException> dependency = dependencyFailure(thrown);
        if (dependency.isPresent()) {
            return dependency.get();
        }
        RuleViolationException violation = find(thrown, RuleViolationException.class);
        if (violation != null) {
            return response(status(violation.reasons(), request), OperationOutcomes.of(violation));
        }
        DataFormatException malformed = find(thrown, DataFormatException.class);
        if (malformed != null) {
            return response(400, forPeople(ErrorCode.SAF_4, "Malformed FHIR: ", malformed.getMessage()));
        }
        if (UnreadableBodies.causedBy(thrown)) {
            LOG.debug("event=body_unreadable", thrown);
            return response(400, forPeople(ErrorCode.SAF_4, "Malformed FHIR: ", UnreadableBodies.MESSAGE));
        }
        if (thrown instanceof BaseServerResponseException hapi && hapi.getStatusCode() < 500) {
            return response(hapi.getStatusCode(), forPeople(codeFor(hapi.getStatusCode()), "", hapi.getMessage()));
        }
        IllegalArgumentException invalid = find(thrown, IllegalArgumentException.class);
        if (invalid != null) {
            // A value the domain refuses (an id too long, a code it does not know) is the client's input.
            return response(400, forPeople(ErrorCode.SAF_4, "", invalid.getMessage()));
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("event=request_failed incident={}", incident, thrown);
        OperationOutcome failed = new OperationOutcome();
        failed.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.FATAL)
                .setCode(OperationOutcome.IssueType.EXCEPTION)
                .setDiagnostics("The server could not complete the request; the server log names incident " + incident);
        return response(500, failed);
    }

    /**
     * A failure of what the server depends on rather than of the request: the database unreachable (503; checked
     * first, since an audit entry that could not be written, SAF-2, is then the outage too) or the content store
     * full (507) or failing (503). The request changed nothing and may be tried again.
     */
    static Optional<BaseServerResponseException> dependencyFailure(Throwable thrown) {
        if (DatabaseUnavailable.causedBy(thrown)) {
            LOG.warn("event=database_unavailable cause=\"{}\"", thrown.getMessage());
            return Optional.of(databaseUnavailable());
        }
        StoreFault store = find(thrown, StoreFault.class);
        if (store != null) {
            LOG.warn("event=content_store_failed status={} cause=\"{}\"", store.status(), store.getCause());
            return Optional.of(
                    transientFailure(store.status(), store.getMessage(), store.full() ? null : RETRY_STORE_SECONDS));
        }
        return Optional.empty();
    }

    /** 503: the database could not be reached, so nothing changed; the client may try again shortly. */
    static BaseServerResponseException databaseUnavailable() {
        return transientFailure(503, DatabaseUnavailable.MESSAGE, DatabaseUnavailable.RETRY_AFTER_SECONDS);
    }

    /** A failure of what the server depends on, not of the request: it changed nothing and may be tried again. */
    private static BaseServerResponseException transientFailure(int status, String message, Integer retryAfter) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.TRANSIENT)
                .setDiagnostics(message);
        BaseServerResponseException failure = response(status, outcome);
        if (retryAfter != null) {
            failure.addResponseHeader("Retry-After", String.valueOf(retryAfter));
        }
        return failure;
    }

    /**
     * An outcome of one reason whose {@code details.text} is for people and whose {@code diagnostics} keeps what
     * produced it: HAPI's message code ({@code HAPI-0450: }) stays in the diagnostics only.
     */
    static OperationOutcome forPeople(ErrorCode code, String prefix, String message) {
        String text =
                message == null ? code.title() : HAPI_CODE.matcher(message).replaceAll("");
        OperationOutcome outcome = OperationOutcomes.of(code, prefix + text, null);
        outcome.getIssueFirstRep().setDiagnostics(prefix + (message == null ? text : message));
        return outcome;
    }

    static BaseServerResponseException response(int status, OperationOutcome outcome) {
        String message = outcome.getIssue().stream()
                .map(i -> i.getDetails().hasCoding()
                        ? i.getDetails().getCodingFirstRep().getCode() + ": " + i.getDiagnostics()
                        : i.getDiagnostics())
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
        if (errors.contains(ErrorCode.SAF_3) || errors.contains(ErrorCode.COV_2) || errors.contains(ErrorCode.CON_5)) {
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
