/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;

/** A row of {@code standalone_clinical_note}: only inserted, never changed. Times are UTC. */
@Entity
@Table(name = "standalone_clinical_note")
class NoteRow {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "patient_id", nullable = false, length = 64)
    private String patientId;

    @Column(name = "encounter_id", length = 64)
    private String encounterId;

    @Column(name = "author_id", nullable = false, length = 255)
    private String authorId;

    @Column(name = "written_at", nullable = false)
    private LocalDateTime writtenAt;

    @Column(name = "note_text", nullable = false, length = HostNotes.MAX_TEXT)
    private String text;

    protected NoteRow() {}

    static NoteRow of(HostNote note) {
        NoteRow row = new NoteRow();
        row.id = note.id();
        row.patientId = note.patient().value();
        row.encounterId = note.encounter() == null ? null : note.encounter().value();
        row.authorId = note.author().value();
        row.writtenAt = LocalDateTime.ofInstant(note.at(), ZoneOffset.UTC);
        row.text = note.text();
        return row;
    }

    HostNote toNote() {
        return new HostNote(
                id,
                PatientId.of(patientId),
                encounterId == null ? null : EncounterId.of(encounterId),
                UserId.of(authorId),
                writtenAt.toInstant(ZoneOffset.UTC),
                text);
    }
}
