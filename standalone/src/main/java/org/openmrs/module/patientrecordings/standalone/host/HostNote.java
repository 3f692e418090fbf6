/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import java.time.Instant;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * A clinical note, as stored.
 *
 * @param id never null
 * @param patient never null
 * @param encounter the encounter it belongs with, or null
 * @param author never null
 * @param at when it was written; never null
 * @param text never null; patient data, never logged
 */
public record HostNote(String id, PatientId patient, EncounterId encounter, UserId author, Instant at, String text) {

    public HostNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "HostNote[" + id + ", patient " + patient + ", encounter " + encounter + "]";
    }
}
