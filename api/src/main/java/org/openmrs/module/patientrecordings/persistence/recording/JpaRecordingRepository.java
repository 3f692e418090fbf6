/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.persistence.RowVersions;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.persistence.UtcTimes;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;

/**
 * Recordings in the database. Every call joins the thread's unit of work when there is one ({@link
 * Transactions#inCurrentTransaction}). "Oldest first" is the order in which recordings were first saved, as in the
 * in-memory store. There is no delete (REC-1). Lists of recordings are read whole before their rows are mapped, so
 * that the {@code @BatchSize} of the rows' collections loads them for many rows in one statement; a streamed result
 * would map each row before reading the next, and load each row's collections with statements of their own. The rows
 * of a list are not kept in the persistence context once mapped (see {@link #readAndRelease}).
 */
public final class JpaRecordingRepository implements RecordingRepository {

    /** The entity classes this repository needs mapped. */
    public static final List<Class<?>> ENTITIES =
            List.of(RecordingRow.class, RecordingVersionRow.class, CapturedPartyRow.class);

    private final Transactions database;
    private final Clock clock;

    /** A repository on the system clock. */
    public JpaRecordingRepository(Transactions database) {
        this(database, Clock.systemUTC());
    }

    /** @param clock the source of every save's last-change time */
    public JpaRecordingRepository(Transactions database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
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
     * until the transaction ends. The new version goes into {@code patientrecordings_recording_version} in the same
     * transaction, only once the row was written: a refused save leaves no version behind.
     *
     * @throws org.openmrs.module.patientrecordings.persistence.ConcurrentUpdateException VER-1, a {@link
     *     org.openmrs.module.patientrecordings.domain.RuleViolationException}
     */
    @Override
    public Recording save(Recording recording) {
        Objects.requireNonNull(recording, "recording");
        String what = "recording " + recording.id();
        Recording stamped = recording.toBuilder()
                .lastUpdated(UtcTimes.stored(clock.instant()))
                .build();
        return database.inCurrentTransaction(entityManager -> {
            long next;
            RecordingRow row;
            if (recording.version() == 0) {
                next = 1;
                row = new RecordingRow();
                RecordingMapper.write(stamped, row, next);
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
                RecordingMapper.write(stamped, row, next);
                entityManager.flush();
            }
            Recording saved = RecordingMapper.read(row);
            RecordingVersionRow version = new RecordingVersionRow();
            version.recordingId = saved.id().value();
            version.version = saved.version();
            version.lastUpdated = UtcTimes.toColumn(saved.lastUpdated());
            version.document = RecordingDocuments.write(saved);
            entityManager.persist(version);
            entityManager.flush();
            return saved;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>The current version is read from the recording's row, so that a recording saved before versions were kept
     * still answers for its current version.
     */
    @Override
    public Optional<Recording> findVersion(RecordingId id, long version) {
        Objects.requireNonNull(id, "id");
        return database.inCurrentTransaction(entityManager -> {
            Optional<Recording> current = row(entityManager, id.value()).map(RecordingMapper::read);
            if (current.isEmpty() || current.get().version() == version) {
                return current;
            }
            return entityManager
                    .createQuery(
                            "select v from RecordingVersionRow v where v.recordingId = :id and v.version = :version",
                            RecordingVersionRow.class)
                    .setParameter("id", id.value())
                    .setParameter("version", version)
                    .getResultStream()
                    .findFirst()
                    .map(JpaRecordingRepository::read);
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>A recording saved before versions were kept has only its current version.
     */
    @Override
    public List<Recording> history(RecordingId id) {
        Objects.requireNonNull(id, "id");
        return database.inCurrentTransaction(entityManager -> {
            Optional<Recording> current = row(entityManager, id.value()).map(RecordingMapper::read);
            if (current.isEmpty()) {
                return List.<Recording>of();
            }
            List<Recording> versions = new ArrayList<>();
            versions.add(current.get());
            entityManager
                    .createQuery(
                            "select v from RecordingVersionRow v where v.recordingId = :id and v.version < :current"
                                    + " order by v.version desc",
                            RecordingVersionRow.class)
                    .setParameter("id", id.value())
                    .setParameter("current", current.get().version())
                    .getResultStream()
                    .map(JpaRecordingRepository::read)
                    .forEach(versions::add);
            return List.copyOf(versions);
        });
    }

    @Override
    public List<Recording> findByPatient(PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        return database.inCurrentTransaction(entityManager -> readAndRelease(
                entityManager,
                entityManager
                        .createQuery(
                                "select r from RecordingRow r where r.patientId = :patient order by r.number",
                                RecordingRow.class)
                        .setParameter("patient", patient.value())));
    }

    @Override
    public List<Recording> findFlagged(RecordingFlag flag) {
        Objects.requireNonNull(flag, "flag");
        return database.inCurrentTransaction(entityManager -> readAndRelease(
                entityManager,
                entityManager
                        .createQuery(
                                "select r from RecordingRow r where :flag member of r.flags order by r.number",
                                RecordingRow.class)
                        .setParameter("flag", flag.name())));
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
        return database.inCurrentTransaction(entityManager -> readAndRelease(
                entityManager,
                entityManager
                        .createQuery("select r from RecordingRow r order by r.number", RecordingRow.class)
                        .setFirstResult(offset)
                        .setMaxResults(limit)));
    }

    /**
     * Reads a list of rows, maps them and lets the persistence context forget them. A search returns many rows that
     * are only read; kept managed, every later statement of the unit of work would first check each of them, and
     * their collections, for changes to flush (Hibernate's auto-flush), and so would its commit: with 40 recordings
     * that check cost more than the search itself. What the unit of work changed is flushed before the rows are read,
     * so that forgetting a row it had changed loses nothing; a later save reads its row again.
     */
    private static List<Recording> readAndRelease(EntityManager entityManager, TypedQuery<RecordingRow> query) {
        entityManager.flush();
        List<RecordingRow> rows = query.getResultList();
        List<Recording> read = rows.stream().map(RecordingMapper::read).toList();
        rows.forEach(entityManager::detach);
        return read;
    }

    private static Recording read(RecordingVersionRow row) {
        return RecordingDocuments.read(row.document, row.version, UtcTimes.toInstant(row.lastUpdated));
    }

    private static Optional<RecordingRow> row(EntityManager entityManager, String id) {
        return entityManager
                .createQuery("select r from RecordingRow r where r.recordingId = :id", RecordingRow.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }
}
