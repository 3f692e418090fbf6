/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.Optional;

/**
 * Keep until the patient's {@code birthday}th birthday (the children's-record rule of REC-2). Always applies; a 29
 * February birthday falls on 1 March in a common year (see {@link RetentionSchedules#england()}).
 *
 * @param birthday 1 to {@value RetentionRule#MAX_YEARS}
 */
public record UntilBirthday(int birthday) implements RetentionRule {

    /** @throws IllegalArgumentException if {@code birthday} is out of range */
    public UntilBirthday {
        RuleChecks.requirePeriod(birthday, "'until a birthday'");
    }

    @Override
    public Optional<RetentionEnd> evaluate(RetentionFacts facts) {
        var date = Anniversaries.anniversary(facts.birthDate(), birthday);
        var basis = new RetentionBasis(
                "until-" + ordinal(birthday) + "-birthday", "until the " + ordinal(birthday) + " birthday on " + date);
        return Optional.of(new RetentionEnd.KeepUntil(date, basis));
    }

    @Override
    public boolean appliesTo(int ageAtLastTreatment, boolean deceased) {
        return true;
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return n + "th";
        }
        return switch (n % 10) {
            case 1 -> n + "st";
            case 2 -> n + "nd";
            case 3 -> n + "rd";
            default -> n + "th";
        };
    }
}
