/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.time.Instant;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * A patient's standing objection to being recorded (CON-10), until lifted.
 *
 * @param id never null
 * @param patient who objects
 * @param comment what they said, or null
 * @param recordedBy who recorded it
 * @param recordedAt when
 * @param endedAt when it was lifted, or null
 */
public record PatientObjection(
        String id, PatientId patient, String comment, UserId recordedBy, Instant recordedAt, Instant endedAt)
        implements RegisterEntry {

    public PatientObjection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public PatientObjection ended(Instant at) {
        return new PatientObjection(id, patient, comment, recordedBy, recordedAt, at);
    }
}
