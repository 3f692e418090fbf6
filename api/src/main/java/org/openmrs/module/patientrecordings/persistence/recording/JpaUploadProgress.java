/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PessimisticLockException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.exception.LockAcquisitionException;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.persistence.RowVersions;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.recording.UploadPart;
import org.openmrs.module.patientrecordings.recording.UploadProgress;

/**
 * Upload progress in the database ({@code patientrecordings_upload_part}, one row per committed chunk), so that every
 * server instance on the database, restarted or not, continues an upload where it stands. Every call joins the
 * thread's unit of work when there is one ({@link Transactions#inCurrentTransaction}): a chunk's row commits with the
 * request that stored it, and the rows of a completed upload become its content's parts in the transaction that attaches its
 * content to the recording.
 *
 * <p>When an upload completes, its part rows become the rows of the content's parts ({@code
 * patientrecordings_content_part}), under the key of the content's list of parts: the chunks as stored are the
 * content. They stay until the content is erased.
 *
 * <p>An append locks the recording's row, then checks its offset against the rows as last committed; the unique
 * constraint on {@code (recording_id, start_offset)} decides between appends racing at the same offset all the same
 * (also for a recording without a row): the loser is refused with SAF-4, naming the next byte expected as committed
 * by the winner.
 */
public final class JpaUploadProgress implements UploadProgress {

    /** The entity classes this store needs mapped. */
    public static final List<Class<?>> ENTITIES = List.of(UploadPartRow.class, ContentPartRow.class);

    /**
     * How often a refused append looks for the winner's commit before it names the next byte expected: on some
     * engines the constraint refuses the loser before the winner has committed.
     */
    private static final int LOOKUPS = 20;

    /**
     * A recording's parts, last first, in the order of the unique index on {@code (recording_id, start_offset)} read
     * backwards. Both columns are named: H2 walks the index backwards only for an order of all its leading columns,
     * and otherwise reads every part of the recording to sort them, a cost that grows with every chunk.
     */
    private static final String LAST_FIRST = " order by p.recordingId desc, p.start desc";

    private final Transactions database;

    public JpaUploadProgress(Transactions database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public List<UploadPart> parts(RecordingId recording) {
        Objects.requireNonNull(recording, "recording");
        return database.inCurrentTransaction(entityManager -> parts(entityManager, recording));
    }

    @Override
    public long offset(RecordingId recording) {
        Objects.requireNonNull(recording, "recording");
        return database.inCurrentTransaction(entityManager -> offset(entityManager, recording));
    }

    @Override
    public long append(UploadPart part) {
        Objects.requireNonNull(part, "part");
        try {
            return database.inCurrentTransaction(entityManager -> {
                lockRecording(entityManager, part.recording());
                UploadProgress.checkFollows(lockedLastPart(entityManager, part.recording()), part);
                entityManager.persist(UploadPartRow.of(part));
                entityManager.flush();
                return part.end();
            });
        } catch (RuntimeException e) {
            // JPA's exception, or a host's transaction manager's around it: the constraint is in the causes.
            if (RowVersions.isUniqueViolation(e) || isLockConflict(e)) {
                throw UploadProgress.startsElsewhere(part.start(), committedOffsetAfter(part));
            }
            throw e;
        }
    }

    @Override
    public void finish(RecordingId recording) {
        Objects.requireNonNull(recording, "recording");
        database.inCurrentTransaction(entityManager -> entityManager
                .createQuery("delete from " + UploadPartRow.ENTITY + " p where p.recordingId = :id")
                .setParameter("id", recording.value())
                .executeUpdate());
    }

    /**
     * One statement copies the upload's part rows into {@code patientrecordings_content_part} under the content's key,
     * a second removes them: no part row is read into memory.
     */
    @Override
    public void complete(RecordingId recording, String contentKey) {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(contentKey, "contentKey");
        database.inCurrentTransaction(entityManager -> {
            entityManager
                    .createNativeQuery("insert into " + ContentPartRow.TABLE
                            + " (part_key, content_key, start_offset, part_size)"
                            + " select content_key, :contentKey, start_offset, part_size"
                            + " from patientrecordings_upload_part where recording_id = :id")
                    .setParameter("contentKey", contentKey)
                    .setParameter("id", recording.value())
                    .executeUpdate();
            return entityManager
                    .createQuery("delete from " + UploadPartRow.ENTITY + " p where p.recordingId = :id")
                    .setParameter("id", recording.value())
                    .executeUpdate();
        });
    }

    @Override
    public List<String> contentParts(String contentKey) {
        Objects.requireNonNull(contentKey, "contentKey");
        return database.inCurrentTransaction(entityManager -> entityManager
                .createQuery(
                        "select c.partKey from " + ContentPartRow.ENTITY
                                + " c where c.contentKey = :key order by c.start",
                        String.class)
                .setParameter("key", contentKey)
                .getResultList());
    }

    @Override
    public void forgetContent(String contentKey) {
        Objects.requireNonNull(contentKey, "contentKey");
        database.inCurrentTransaction(entityManager -> entityManager
                .createQuery("delete from " + ContentPartRow.ENTITY + " c where c.contentKey = :key")
                .setParameter("key", contentKey)
                .executeUpdate());
    }

    /**
     * The offset committed by the append that won {@code part}'s place, read in a transaction of its own (the
     * caller's is spoilt by the refused insert, and on PostgreSQL unusable).
     */
    private long committedOffsetAfter(UploadPart part) {
        long offset = part.start();
        for (int attempt = 1; attempt <= LOOKUPS; attempt++) {
            offset = database.inTransaction(entityManager -> offset(entityManager, part.recording()));
            if (offset != part.start()) {
                return offset;
            }
            try {
                Thread.sleep(10L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return offset;
            }
        }
        return offset;
    }

    /**
     * Whether the database gave up on a lock the append needed (a deadlock between appends at one offset, where the
     * engine locks the gap an insert goes into): the append lost the race, as with the unique constraint.
     */
    private static boolean isLockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockException || cause instanceof LockAcquisitionException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Appends to one recording's upload take turns across instances: the recording's row stays locked until the
     * transaction ends. Without the turn, an append could slip in at an offset whose part another transaction both
     * added and removed (it completed the upload), and complete it a second time.
     */
    private static void lockRecording(EntityManager entityManager, RecordingId recording) {
        entityManager
                .createQuery(
                        "select r from " + RecordingRow.ENTITY + " r where r.recordingId = :id", RecordingRow.class)
                .setParameter("id", recording.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /**
     * The last part as last committed, read with a lock: a locking read sees the latest commit also where the
     * transaction reads an earlier snapshot otherwise (MariaDB's repeatable read). The locking read is bounded below
     * by the last part this transaction sees without a lock, so that it reads that part and any committed since, never
     * every part: some engines (H2) lock and read every row a locking read matches before they sort and cut it to
     * one. Both reads go through the unique index on {@code (recording_id, start_offset)} from its end.
     */
    private static Optional<UploadPart> lockedLastPart(EntityManager entityManager, RecordingId recording) {
        long seenLast = ofLastPart(entityManager, recording, "p.start");
        return entityManager
                .createQuery(
                        "select p from " + UploadPartRow.ENTITY + " p where p.recordingId = :id and p.start >= :from"
                                + LAST_FIRST,
                        UploadPartRow.class)
                .setParameter("id", recording.value())
                .setParameter("from", seenLast)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(UploadPartRow::part);
    }

    private static List<UploadPart> parts(EntityManager entityManager, RecordingId recording) {
        return entityManager
                .createQuery(
                        "select p from " + UploadPartRow.ENTITY + " p where p.recordingId = :id order by p.start",
                        UploadPartRow.class)
                .setParameter("id", recording.value())
                .getResultStream()
                .map(UploadPartRow::part)
                .toList();
    }

    /**
     * The end of the last part, found as {@link #lockedLastPart} finds it (through the unique index from its end), so
     * that asking where the next chunk starts reads one row however many parts there are.
     */
    private static long offset(EntityManager entityManager, RecordingId recording) {
        return ofLastPart(entityManager, recording, "p.start + p.size");
    }

    /** The value of {@code selected} for the recording's last part, read without a lock; 0 when it has none. */
    private static long ofLastPart(EntityManager entityManager, RecordingId recording, String selected) {
        return entityManager
                .createQuery(
                        "select " + selected + " from " + UploadPartRow.ENTITY + " p where p.recordingId = :id"
                                + LAST_FIRST,
                        Long.class)
                .setParameter("id", recording.value())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(0L);
    }
}
