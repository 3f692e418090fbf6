/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;

/**
 * Whether an audited access succeeded, or was refused and why.
 *
 * @param result success or refusal, never null
 * @param codes the distinct error codes of a refusal sorted by their code text (so equal outcomes hash equally);
 *     empty for a success, never empty for a refusal
 */
public record AuditOutcome(Result result, List<ErrorCode> codes) {

    private static final AuditOutcome SUCCESS = new AuditOutcome(Result.SUCCESS, List.of());

    public AuditOutcome {
        Objects.requireNonNull(result, "result");
        codes = codes.stream()
                .distinct()
                .sorted(Comparator.comparing(ErrorCode::code))
                .toList();
        if (result == Result.SUCCESS && !codes.isEmpty()) {
            throw new IllegalArgumentException("a successful access carries no error codes");
        }
        if (result == Result.REFUSED && codes.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one error code");
        }
    }

    public static AuditOutcome success() {
        return SUCCESS;
    }

    public static AuditOutcome refused(ErrorCode first, ErrorCode... more) {
        List<ErrorCode> all = new ArrayList<>(List.of(more));
        all.add(first);
        return new AuditOutcome(Result.REFUSED, all);
    }

    /** The refusal of a denied decision, with the codes of its error reasons. */
    public static AuditOutcome refused(Decision.Denied decision) {
        return new AuditOutcome(
                Result.REFUSED,
                decision.reasons().stream()
                        .filter(Reason::isError)
                        .map(Reason::code)
                        .toList());
    }

    public boolean succeeded() {
        return result == Result.SUCCESS;
    }

    /** Success or refusal. Stored and hashed by name: never rename. */
    public enum Result {
        SUCCESS,
        REFUSED
    }
}
