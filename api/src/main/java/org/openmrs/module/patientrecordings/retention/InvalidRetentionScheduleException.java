/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.List;

/** A retention schedule that cannot be used (REC-2, POL-1); carries every problem found, not just the first. */
public final class InvalidRetentionScheduleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param subject what was being validated, such as "the retention schedule for ENGLAND"
     * @param problems at least one problem, each a sentence
     */
    InvalidRetentionScheduleException(String subject, List<String> problems) {
        super("REC-2: " + subject + " is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in a stable order. */
    public List<String> problems() {
        return problems;
    }
}
