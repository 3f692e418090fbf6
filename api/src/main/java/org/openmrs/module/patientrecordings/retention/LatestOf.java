/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the record until the latest end among the rules that apply ("whichever is later", REC-2): adding a rule can
 * only lengthen retention. The end is cited under the rule that set it; when several set the same end, the first
 * listed is cited, so the citation is deterministic. Applies when at least one of its rules does.
 *
 * @param rules at least one rule; the list is copied; no element null
 */
public record LatestOf(List<RetentionRule> rules) implements RetentionRule {

    /**
     * @throws NullPointerException if the list or an element is null
     * @throws IllegalArgumentException if the list is empty
     */
    public LatestOf {
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("REC-2: 'the latest of' needs at least one rule");
        }
    }

    @Override
    public Optional<RetentionEnd> evaluate(RetentionFacts facts) {
        RetentionEnd latest = null;
        for (RetentionRule rule : rules) {
            Optional<RetentionEnd> end = rule.evaluate(facts);
            if (end.isPresent() && (latest == null || latest.isShorterThan(end.get()))) {
                latest = end.get();
            }
        }
        return Optional.ofNullable(latest);
    }

    @Override
    public boolean appliesTo(int ageAtLastTreatment, boolean deceased) {
        return rules.stream().anyMatch(rule -> rule.appliesTo(ageAtLastTreatment, deceased));
    }
}
