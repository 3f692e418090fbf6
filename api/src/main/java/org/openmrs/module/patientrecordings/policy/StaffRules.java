/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.List;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;

/** Staff who decline to be recorded (seed 002). */
public final class StaffRules {

    private StaffRules() {}

    /**
     * STF-1: a clinician recording with an objecting staff member present is refused, suggesting another
     * clinician. A patient's own recording is not blocked by it (PAT-1).
     */
    public static List<Reason> objectingStaffCannotBeRecorded(StartRecordingRequest r) {
        if (!r.byClinician()) {
            return List.of();
        }
        return r.staffPresent().stream()
                .filter(StaffPresence::objects)
                .map(s -> Reason.error(
                        ErrorCode.STF_1,
                        "Staff member " + s.staff() + " has declined to be recorded; find another clinician",
                        "operator"))
                .toList();
    }
}
