/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.Optional;

/**
 * Keep until {@code years} years after the last treatment (the usual clinical-record trigger, REC-2). Always applies.
 *
 * @param years 1 to {@value RetentionRule#MAX_YEARS}
 */
public record YearsAfterLastTreatment(int years) implements RetentionRule {

    /** @throws IllegalArgumentException if {@code years} is out of range */
    public YearsAfterLastTreatment {
        RuleChecks.requirePeriod(years, "'years after the last treatment'");
    }

    @Override
    public Optional<RetentionEnd> evaluate(RetentionFacts facts) {
        var basis = new RetentionBasis(
                years + "y-after-last-treatment",
                years + " years after the last treatment on " + facts.lastTreatment());
        return Optional.of(new RetentionEnd.KeepUntil(Anniversaries.anniversary(facts.lastTreatment(), years), basis));
    }

    @Override
    public boolean appliesTo(int ageAtLastTreatment, boolean deceased) {
        return true;
    }
}
