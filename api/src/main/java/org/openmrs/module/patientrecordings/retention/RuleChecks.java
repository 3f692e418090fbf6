/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

/** Bounds shared by the retention rules' constructors. */
final class RuleChecks {

    private RuleChecks() {}

    /** @throws IllegalArgumentException unless {@code years} is between 1 and {@link RetentionRule#MAX_YEARS} */
    static int requirePeriod(int years, String rule) {
        if (years < 1 || years > RetentionRule.MAX_YEARS) {
            throw new IllegalArgumentException(
                    "REC-2: " + rule + " needs a period of 1 to " + RetentionRule.MAX_YEARS + " years, not " + years);
        }
        return years;
    }

    /** @throws IllegalArgumentException unless {@code age} is between 0 and {@link RetentionRule#MAX_YEARS} */
    static int requireAge(int age, String rule) {
        if (age < 0 || age > RetentionRule.MAX_YEARS) {
            throw new IllegalArgumentException(
                    "REC-2: " + rule + " needs an age of 0 to " + RetentionRule.MAX_YEARS + " years, not " + age);
        }
        return age;
    }
}
