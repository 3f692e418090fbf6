/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of applying rules: allowed (perhaps with warnings) or denied with every reason at once. Deny wins
 * and the order of rules does not matter: reasons are kept in {@link Reason#ORDER}.
 */
public sealed interface Decision permits Decision.Allowed, Decision.Denied {

    /** Every reason, errors and warnings, in {@link Reason#ORDER}. */
    List<Reason> reasons();

    default boolean allowed() {
        return this instanceof Allowed;
    }

    /** @return the distinct codes of all reasons */
    default Set<ErrorCode> codes() {
        return reasons().stream().map(Reason::code).collect(Collectors.toUnmodifiableSet());
    }

    /** @return the warnings only */
    default List<Reason> warnings() {
        return reasons().stream().filter(r -> !r.isError()).toList();
    }

    /** Throws {@link RuleViolationException} when denied; returns this decision otherwise. */
    default Decision orThrow() {
        if (this instanceof Denied denied) {
            throw new RuleViolationException(denied);
        }
        return this;
    }

    static Decision allow() {
        return new Allowed(List.of());
    }

    /** Builds the decision of a set of reasons: denied when any is an error. */
    static Decision of(Collection<Reason> reasons) {
        List<Reason> sorted = reasons.stream().distinct().sorted(Reason.ORDER).toList();
        return sorted.stream().anyMatch(Reason::isError) ? new Denied(sorted) : new Allowed(sorted);
    }

    static Decision deny(Reason first, Reason... more) {
        List<Reason> all = new ArrayList<>(List.of(more));
        all.add(first);
        return of(all);
    }

    /** Combines decisions: deny wins, every reason of every decision is kept. */
    static Decision all(Collection<Decision> decisions) {
        return of(decisions.stream().flatMap(d -> d.reasons().stream()).toList());
    }

    /** Allowed, with any warnings. */
    record Allowed(List<Reason> reasons) implements Decision {
        public Allowed {
            reasons = List.copyOf(reasons);
            if (reasons.stream().anyMatch(Reason::isError)) {
                throw new IllegalArgumentException("an allowed decision carries warnings only");
            }
        }
    }

    /** Denied; at least one reason is an error. */
    record Denied(List<Reason> reasons) implements Decision {
        public Denied {
            reasons = List.copyOf(reasons);
            if (reasons.stream().noneMatch(Reason::isError)) {
                throw new IllegalArgumentException("a denial needs at least one error reason");
            }
        }
    }
}
