/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.port;

import java.time.Instant;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * The patient's contemporaneous clinical notes: where every consent decision is written (CON-8) and what REC-3
 * checks for.
 */
public interface ClinicalNotes {

    /**
     * @return true when the encounter has at least one contemporaneous clinical note written by a clinician; the
     *     notes this module appends itself (consent decisions, voids) do not count (REC-3)
     */
    boolean hasNote(EncounterId encounter);

    /**
     * Appends a note to the patient's record, beside the encounter's notes when there is an encounter. Throws when
     * the note cannot be written; the caller then fails the whole decision (CON-8).
     */
    void append(Note note);

    /**
     * How a note names a user of the host: by name, and by role where the host knows one, e.g. "Ada Lovelace
     * (Clinician)", so that a reader of the record sees who decided (CON-8) rather than an id. A host that knows no
     * names keeps this default, the user's id.
     *
     * @return never null or blank
     */
    default String nameOf(UserId user) {
        return user.value();
    }

    /**
     * A note.
     *
     * @param patient never null
     * @param encounter the encounter it belongs with, or null
     * @param author who wrote it
     * @param at when
     * @param text the note; never blank
     */
    record Note(PatientId patient, EncounterId encounter, UserId author, Instant at, String text) {
        public Note {
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(at, "at");
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a note needs text");
            }
        }
    }
}
