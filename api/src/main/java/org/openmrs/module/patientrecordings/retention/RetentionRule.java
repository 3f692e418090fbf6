/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.List;
import java.util.Optional;

/**
 * A composable retention period rule (REC-2): from a patient's {@link RetentionFacts} to the end of retention, or
 * nothing when the rule does not apply to them (a "years after death" rule for a living patient, an age band they
 * are not in). Rules are immutable values, validated on construction, so a schedule read from a policy file fails
 * early and clearly.
 *
 * <p>Build them with the factories here, for example the England child rule:
 *
 * <pre>{@code
 * latestOf(
 *     agedBetween(0, 16, untilBirthday(25)),
 *     agedBetween(17, 17, untilBirthday(26)),
 *     yearsAfterDeath(8))
 * }</pre>
 */
public sealed interface RetentionRule
        permits YearsAfterLastTreatment, YearsAfterDeath, UntilBirthday, WhileAlive, AgedAtLastTreatment, LatestOf {

    /**
     * The longest period, and the highest age, a rule may name. Anything above is far more likely a slip (days or
     * months typed as years) than a retention period, and a schedule is checked for every age up to it.
     */
    int MAX_YEARS = 150;

    /**
     * The retention end this rule sets for {@code facts}, cited with this rule's basis; empty when the rule does not
     * apply to them.
     *
     * @throws NullPointerException if {@code facts} is null
     */
    Optional<RetentionEnd> evaluate(RetentionFacts facts);

    /**
     * Whether {@link #evaluate} gives an end for every patient of this age at the last treatment and this vital
     * status. Lets a schedule prove on construction that no patient falls through it.
     */
    boolean appliesTo(int ageAtLastTreatment, boolean deceased);

    /** @see YearsAfterLastTreatment */
    static RetentionRule yearsAfterLastTreatment(int years) {
        return new YearsAfterLastTreatment(years);
    }

    /** @see YearsAfterDeath */
    static RetentionRule yearsAfterDeath(int years) {
        return new YearsAfterDeath(years);
    }

    /** @see UntilBirthday */
    static RetentionRule untilBirthday(int birthday) {
        return new UntilBirthday(birthday);
    }

    /** @see WhileAlive */
    static RetentionRule whileAlive() {
        return new WhileAlive();
    }

    /** @see AgedAtLastTreatment */
    static RetentionRule agedBetween(int fromAge, int toAge, RetentionRule rule) {
        return new AgedAtLastTreatment(fromAge, toAge, rule);
    }

    /** {@link AgedAtLastTreatment} with no upper age. */
    static RetentionRule agedAtLeast(int fromAge, RetentionRule rule) {
        return new AgedAtLastTreatment(fromAge, AgedAtLastTreatment.OR_OVER, rule);
    }

    /** @see LatestOf */
    static RetentionRule latestOf(RetentionRule... rules) {
        return new LatestOf(List.of(rules));
    }
}
