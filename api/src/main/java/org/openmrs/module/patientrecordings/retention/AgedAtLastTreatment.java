/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.Objects;
import java.util.Optional;

/**
 * Applies {@code rule} only to patients whose age at the last treatment is from {@code fromAge} to {@code toAge}
 * (both included). This is how a schedule tells a child's record from an adult's, and how it states an exception
 * such as "26th birthday if 17 when treatment ended" (REC-2): from the facts, never from a choice.
 *
 * @param fromAge 0 to {@value RetentionRule#MAX_YEARS}
 * @param toAge {@code fromAge} or more; {@link #OR_OVER} for no upper age
 * @param rule the rule to apply within the band; never null
 */
public record AgedAtLastTreatment(int fromAge, int toAge, RetentionRule rule) implements RetentionRule {

    /** The {@code toAge} of a band with no upper age. */
    public static final int OR_OVER = Integer.MAX_VALUE;

    /**
     * @throws NullPointerException if {@code rule} is null
     * @throws IllegalArgumentException if an age is out of range or {@code toAge < fromAge}
     */
    public AgedAtLastTreatment {
        RuleChecks.requireAge(fromAge, "an age band");
        if (toAge != OR_OVER) {
            RuleChecks.requireAge(toAge, "an age band");
        }
        if (toAge < fromAge) {
            throw new IllegalArgumentException(
                    "REC-2: an age band cannot end (" + toAge + ") before it starts (" + fromAge + ")");
        }
        Objects.requireNonNull(rule, "the rule of an age band");
    }

    @Override
    public Optional<RetentionEnd> evaluate(RetentionFacts facts) {
        if (!covers(facts.ageAtLastTreatment())) {
            return Optional.empty();
        }
        return rule.evaluate(facts).map(end -> end.withBasis(end.basis().under(id(), words())));
    }

    @Override
    public boolean appliesTo(int ageAtLastTreatment, boolean deceased) {
        return covers(ageAtLastTreatment) && rule.appliesTo(ageAtLastTreatment, deceased);
    }

    private boolean covers(int age) {
        return age >= fromAge && age <= toAge;
    }

    private String id() {
        return "aged-" + band("-to-", "-or-over") + "-at-last-treatment";
    }

    private String words() {
        return "aged " + band(" to ", " or over") + " when the last treatment ended";
    }

    private String band(String to, String orOver) {
        if (toAge == OR_OVER) {
            return fromAge + orOver;
        }
        return fromAge == toAge ? String.valueOf(fromAge) : fromAge + to + toAge;
    }
}
