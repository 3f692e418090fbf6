/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.Objects;

/**
 * One version of a retention schedule that administrators configured (REC-2, POL-1). Versions are only added, so
 * the schedule a retention end was computed under can always be read back.
 *
 * @param schedule never null
 * @param version 1 for the first administered version of the jurisdiction, one more for each change
 */
public record AdministeredSchedule(RetentionSchedule schedule, int version) {

    /**
     * @throws NullPointerException if {@code schedule} is null
     * @throws IllegalArgumentException if {@code version} is below 1
     */
    public AdministeredSchedule {
        Objects.requireNonNull(schedule, "schedule");
        if (version < 1) {
            throw new IllegalArgumentException("administered schedule versions start at 1");
        }
    }

    public Jurisdiction jurisdiction() {
        return schedule.jurisdiction();
    }
}
