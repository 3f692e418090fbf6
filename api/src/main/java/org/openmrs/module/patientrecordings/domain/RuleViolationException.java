/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown at the service boundary when a request is refused. Carries every reason; the web layer turns it into an
 * {@code OperationOutcome} with one issue per reason.
 */
public class RuleViolationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Decision.Denied decision;

    public RuleViolationException(Decision.Denied decision) {
        super(describe(Objects.requireNonNull(decision, "decision").reasons()));
        this.decision = decision;
    }

    /** A refusal with one reason. */
    public static RuleViolationException of(ErrorCode code, String message) {
        return new RuleViolationException((Decision.Denied) Decision.deny(Reason.error(code, message)));
    }

    /** A refusal with one reason about one input element. */
    public static RuleViolationException of(ErrorCode code, String message, String location) {
        return new RuleViolationException((Decision.Denied) Decision.deny(Reason.error(code, message, location)));
    }

    public Decision.Denied decision() {
        return decision;
    }

    public List<Reason> reasons() {
        return decision.reasons();
    }

    private static String describe(List<Reason> reasons) {
        return reasons.stream()
                .filter(Reason::isError)
                .map(r -> r.code().code() + ": " + r.message())
                .collect(Collectors.joining("; "));
    }
}
