/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * A member of staff who will be present in a recording.
 *
 * @param staff never null
 * @param objects true when the staff member has a recorded, current objection to being recorded (STF-1)
 */
public record StaffPresence(UserId staff, boolean objects) {

    public StaffPresence {
        Objects.requireNonNull(staff, "staff");
    }
}
