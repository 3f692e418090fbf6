/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.time.Instant;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * A staff member's objection to being recorded (STF-1).
 *
 * @param id never null
 * @param staff who objects
 * @param comment what they said, or null
 * @param recordedBy who recorded it
 * @param recordedAt when
 * @param endedAt when it was withdrawn, or null
 */
public record StaffObjection(
        String id, UserId staff, String comment, UserId recordedBy, Instant recordedAt, Instant endedAt)
        implements RegisterEntry {

    public StaffObjection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public StaffObjection ended(Instant at) {
        return new StaffObjection(id, staff, comment, recordedBy, recordedAt, at);
    }
}
