/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.persistence.RowVersions;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;

/**
 * Recordings in the database. Every call joins the thread's unit of work when there is one ({@link
 * Transactions#inCurrentTransaction}). "Oldest first" is the order in which recordings were first saved, as in the
 * in-memory store. There is no delete (REC-1).
 */
public final class JpaRecordingRepository implements RecordingRepository {

    /** The entity classes this repository needs mapped. */
    public static final List<Class<?>> ENTITIES = List.of(RecordingRow.class);

    private final Transactions database;

    public JpaRecordingRepository(Transactions database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<Recording> find(RecordingId id) {
        Objects.requireNonNull(id, "id");
        return database.inCurrentTransaction(
                entityManager -> row(entityManager, id.value()).map(RecordingMapper::read));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Version 0 inserts; any other version updates the row only if it is still at that version, and locks it
     * until the transaction ends.
     *
     * @throws org.openmrs.module.patientrecordings.persistence.ConcurrentUpdateException VER-1, a {@link
     *     org.openmrs.module.patientrecordings.domain.RuleViolationException}
     */
    @Override
    public Recording save(Recording recording) {
        Objects.requireNonNull(recording, "recording");
        String what = "recording " + recording.id();
        return database.inCurrentTransaction(entityManager -> {
            long next;
            RecordingRow row;
            if (recording.version() == 0) {
                next = 1;
                row = new RecordingRow();
                RecordingMapper.write(recording, row, next);
                if (row(entityManager, recording.id().value()).isPresent()) {
                    throw RowVersions.taken(what);
                }
                RowVersions.insert(entityManager, row, what);
            } else {
                next = RowVersions.claim(
                        entityManager,
                        RecordingRow.ENTITY,
                        "recordingId",
                        recording.id().value(),
                        recording.version(),
                        what);
                row = row(entityManager, recording.id().value()).orElseThrow();
                if (row.version != next) {
                    entityManager.refresh(row);
                }
                RecordingMapper.write(recording, row, next);
                entityManager.flush();
            }
            return RecordingMapper.read(row);
        });
    }

    @Override
    public List<Recording> findByPatient(PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        return database.inCurrentTransaction(entityManager -> entityManager
                .createQuery(
                        "select r from RecordingRow r where r.patientId = :patient order by r.number",
                        RecordingRow.class)
                .setParameter("patient", patient.value())
                .getResultStream()
                .map(RecordingMapper::read)
                .toList());
    }

    @Override
    public List<Recording> findFlagged(RecordingFlag flag) {
        Objects.requireNonNull(flag, "flag");
        return database.inCurrentTransaction(entityManager -> entityManager
                .createQuery(
                        "select r from RecordingRow r where :flag member of r.flags order by r.number",
                        RecordingRow.class)
                .setParameter("flag", flag.name())
                .getResultStream()
                .map(RecordingMapper::read)
                .toList());
    }

    /** @throws IllegalArgumentException when the offset or the limit is negative */
    @Override
    public List<Recording> findAll(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("a page needs an offset and a limit of 0 or more");
        }
        if (limit == 0) {
            return List.of();
        }
        return database.inCurrentTransaction(entityManager -> entityManager
                .createQuery("select r from RecordingRow r order by r.number", RecordingRow.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultStream()
                .map(RecordingMapper::read)
                .toList());
    }

    private static Optional<RecordingRow> row(EntityManager entityManager, String id) {
        return entityManager
                .createQuery("select r from RecordingRow r where r.recordingId = :id", RecordingRow.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }
}
