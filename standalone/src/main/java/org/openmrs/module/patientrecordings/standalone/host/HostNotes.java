/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;

/**
 * The standalone server's clinical notes: the contemporaneous notes REC-3 asks for and the consent-decision notes
 * of CON-8. Notes are only appended, never changed. Also the module's {@link ClinicalNotes} port. Thread-safe.
 */
public final class HostNotes implements ClinicalNotes {

    /** The longest note text stored. */
    public static final int MAX_TEXT = 8000;

    private final Database database;
    private final HostPatients patients;
    private final HostEncounters encounters;
    private final Function<UserId, Optional<String>> names;

    /**
     * @param names how the server's users are named in notes, e.g. "Ada Lovelace (alovelace)"; empty for an id that
     *     names no user
     */
    public HostNotes(
            Database database,
            HostPatients patients,
            HostEncounters encounters,
            Function<UserId, Optional<String>> names) {
        this.database = Objects.requireNonNull(database, "database");
        this.patients = Objects.requireNonNull(patients, "patients");
        this.encounters = Objects.requireNonNull(encounters, "encounters");
        this.names = Objects.requireNonNull(names, "names");
    }

    /** CON-8: the user's name and login, so that a reader of the record sees who decided; the id of an unknown user. */
    @Override
    public String nameOf(UserId user) {
        Objects.requireNonNull(user, "user");
        return names.apply(user).filter(name -> !name.isBlank()).orElse(user.value());
    }

    /**
     * Writes a note into the patient's record.
     *
     * @return the stored note
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException NF-1 for an unknown patient or
     *     encounter, SAF-4 for an encounter of another patient or a text over {@value #MAX_TEXT} characters
     */
    public HostNote write(Note note) {
        Objects.requireNonNull(note, "note");
        if (patients.read(note.patient()).isEmpty()) {
            throw HostInput.notFound("Unknown patient " + note.patient(), "subject");
        }
        if (note.encounter() != null) {
            HostEncounter encounter = encounters
                    .read(note.encounter())
                    .orElseThrow(() -> HostInput.notFound("Unknown encounter " + note.encounter(), "encounter"));
            if (!encounter.patient().equals(note.patient())) {
                throw HostInput.invalid("The encounter belongs to another patient", "encounter");
            }
        }
        HostNote stored = new HostNote(
                UUID.randomUUID().toString(),
                note.patient(),
                note.encounter(),
                note.author(),
                note.at().truncatedTo(ChronoUnit.MICROS),
                HostInput.text(note.text(), "text", MAX_TEXT));
        database.runInTransaction(em -> em.persist(NoteRow.of(stored)));
        return stored;
    }

    @Override
    public void append(Note note) {
        write(note);
    }

    @Override
    public boolean hasNote(EncounterId encounter) {
        Objects.requireNonNull(encounter, "encounter");
        return database.inTransaction(
                em -> em.createQuery("select count(n) from NoteRow n where n.encounterId = :encounter", Long.class)
                                .setParameter("encounter", encounter.value())
                                .getSingleResult()
                        > 0);
    }

    /** The notes of an encounter, oldest first. */
    public List<HostNote> forEncounter(EncounterId encounter) {
        Objects.requireNonNull(encounter, "encounter");
        return database.inTransaction(em -> em.createQuery(
                        "select n from NoteRow n where n.encounterId = :encounter order by n.writtenAt, n.id",
                        NoteRow.class)
                .setParameter("encounter", encounter.value())
                .getResultStream()
                .map(NoteRow::toNote)
                .toList());
    }

    /** A patient's notes, oldest first. */
    public List<HostNote> forPatient(PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        return database.inTransaction(em -> em.createQuery(
                        "select n from NoteRow n where n.patientId = :patient order by n.writtenAt, n.id",
                        NoteRow.class)
                .setParameter("patient", patient.value())
                .getResultStream()
                .map(NoteRow::toNote)
                .toList());
    }
}
