/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.Optional;

/**
 * Keep until {@code years} years after the death (REC-2). Applies only once a death is recorded; for a living patient
 * combine it with a rule that does apply, or with {@link WhileAlive} to keep the record until the death is known.
 *
 * @param years 1 to {@value RetentionRule#MAX_YEARS}
 */
public record YearsAfterDeath(int years) implements RetentionRule {

    /** @throws IllegalArgumentException if {@code years} is out of range */
    public YearsAfterDeath {
        RuleChecks.requirePeriod(years, "'years after death'");
    }

    @Override
    public Optional<RetentionEnd> evaluate(RetentionFacts facts) {
        return facts.deathDate()
                .map(death -> new RetentionEnd.KeepUntil(
                        Anniversaries.anniversary(death, years),
                        new RetentionBasis(years + "y-after-death", years + " years after the death on " + death)));
    }

    @Override
    public boolean appliesTo(int ageAtLastTreatment, boolean deceased) {
        return deceased;
    }
}
