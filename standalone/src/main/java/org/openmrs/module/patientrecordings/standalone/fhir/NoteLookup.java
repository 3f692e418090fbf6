/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.standalone.host.HostNote;

/**
 * Reads one clinical note by id, for {@code GET DocumentReference/[id]}: {@code HostNotes} lists notes by patient
 * or encounter only. Reads the host's note entity (stored times are UTC); replace with a read of {@code HostNotes}
 * once it has one.
 */
public final class NoteLookup {

    private final Database database;

    /** @param database the database the host's notes are stored in */
    public NoteLookup(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The note, or empty when there is none with this id. */
    public Optional<HostNote> read(String id) {
        Objects.requireNonNull(id, "id");
        return database.inTransaction(em -> em.createQuery(
                        "select n.patientId, n.encounterId, n.authorId, n.writtenAt, n.text from NoteRow n"
                                + " where n.id = :id",
                        Object[].class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .map(row -> new HostNote(
                        id,
                        PatientId.of((String) row[0]),
                        row[1] == null ? null : EncounterId.of((String) row[1]),
                        UserId.of((String) row[2]),
                        ((LocalDateTime) row[3]).toInstant(ZoneOffset.UTC),
                        (String) row[4])));
    }
}
