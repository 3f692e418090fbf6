/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.Objects;

/**
 * Under which rule a retention end was set (REC-2), as a destruction register cites it (REC-4).
 *
 * @param ruleId a stable, machine-readable id of the rule, such as {@code
 *     ENGLAND/GENERAL/aged-18-or-over-at-last-treatment/8y-after-last-treatment}; the same rule gives the same id for
 *     every patient; never blank
 * @param description the rule applied to this patient, in words and with its dates; never blank
 */
public record RetentionBasis(String ruleId, String description) {

    /**
     * @throws NullPointerException if either component is null
     * @throws IllegalArgumentException if either component is blank
     */
    public RetentionBasis {
        requireText(ruleId, "rule id");
        requireText(description, "description");
    }

    /** This basis nested under an outer rule or schedule entry: ids joined with {@code /}, words with ": ". */
    RetentionBasis under(String outerId, String outerDescription) {
        return new RetentionBasis(outerId + "/" + ruleId, outerDescription + ": " + description);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("the " + name + " of a retention basis must not be blank");
        }
    }
}
