/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.Optional;

/**
 * Keep indefinitely while no death is recorded; does not apply once one is. Used where the period runs from a death
 * that has not happened yet, as for a GP record (REC-2 sets only "10 years after death"): the record of a living
 * patient is never due for disposal.
 */
public record WhileAlive() implements RetentionRule {

    @Override
    public Optional<RetentionEnd> evaluate(RetentionFacts facts) {
        if (facts.deceased()) {
            return Optional.empty();
        }
        return Optional.of(new RetentionEnd.KeepIndefinitely(
                new RetentionBasis("while-alive", "kept while the patient is alive (no death recorded)")));
    }

    @Override
    public boolean appliesTo(int ageAtLastTreatment, boolean deceased) {
        return !deceased;
    }
}
