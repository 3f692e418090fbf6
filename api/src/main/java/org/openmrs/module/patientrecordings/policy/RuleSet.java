/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.List;
import org.openmrs.module.patientrecordings.domain.Decision;

/**
 * An ordered list of rules applied together: every rule runs, every reason is kept, deny wins.
 *
 * @param <R> the request type
 */
public record RuleSet<R>(List<Rule<R>> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    @SafeVarargs
    public static <R> RuleSet<R> of(Rule<R>... rules) {
        return new RuleSet<>(List.of(rules));
    }

    public Decision decide(R request) {
        return Decision.of(
                rules.stream().flatMap(rule -> rule.check(request).stream()).toList());
    }
}
