/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.openmrs.module.patientrecordings.audit.AuditChainHead;
import org.openmrs.module.patientrecordings.audit.AuditChainVerifier;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditHashes;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.audit.AuditPage;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.audit.AuditWriteFailedException;
import org.openmrs.module.patientrecordings.audit.ChainBreak;
import org.openmrs.module.patientrecordings.audit.ChainVerification;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.persistence.Transactions;

/**
 * The audit log in the database (SAF-2).
 *
 * <p><b>Why appends lock a head row.</b> Each entry names the hash of the one before, so appends must happen one
 * after another. An append reads the head row with {@code SELECT ... FOR UPDATE} (a pessimistic write lock),
 * chains the entry after it, inserts the entry and moves the head, all in one transaction: a second appender
 * waits on the lock and then reads the moved head. The alternative, a unique sequence number with retry on
 * collision, lets every waiting appender fail and retry under load (and a failed statement spoils the whole
 * transaction on PostgreSQL), and it cannot tell that entries were removed from the end; the head row can. The
 * cost is that appends are serialised, which an audit trail of human actions can afford. The lock is held until
 * commit, so {@link #appendWithin} inside a long transaction holds up every other audited access: keep such
 * transactions short.
 *
 * <p><b>Why a leader may wait for company.</b> Most of an audited read's cost in the database is the commit of its
 * entry, and a commit costs about the same for one entry as for many. Under concurrent use, the leader of a group
 * therefore waits up to {@link #GATHERING} for as many appenders as the last group had before it writes (after a group
 * of one it never waits): the accesses that arrive meanwhile share its commit instead of each paying for one after
 * another. The wait is what a database's commit delay is; it costs an access at most that long and only when others
 * are auditing at the same time.
 */
public final class JpaAuditLog implements AuditLog {

    /** The entity classes this log needs mapped. */
    public static final List<Class<?>> ENTITIES = List.of(AuditEntryRow.class, AuditHeadRow.class);

    private static final int VERIFY_BATCH = 500;

    /** The most entries one group commit writes in one transaction. */
    private static final int GROUP_LIMIT = 256;

    /** The longest a leader waits for the appenders it expects (see the class comment). */
    public static final Duration GATHERING = Duration.ofMillis(1);

    /** Entries waiting for a group commit, oldest first; also the monitor the waiting appenders wait on. */
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();

    /** Whether an appender is writing a group now; guarded by {@link #queue}. */
    private boolean leading;

    /** How many appenders the last group written held; guarded by {@link #queue}. */
    private int lastGroup = 1;

    /** The leader while it waits for company, woken by each appender that arrives meanwhile. */
    private volatile Thread gathering;

    private final Transactions database;
    private final long gatheringNanos;

    public JpaAuditLog(Transactions database) {
        this(database, GATHERING);
    }

    /**
     * @param gathering the longest a leader waits for the appenders it expects; zero never waits
     */
    public JpaAuditLog(Transactions database, Duration gathering) {
        this.database = Objects.requireNonNull(database, "database");
        this.gatheringNanos = gathering.toNanos();
        if (gatheringNanos < 0) {
            throw new IllegalArgumentException("gathering must not be negative: " + gathering);
        }
    }

    /**
     * Appends in a transaction committed before this returns; entries appended by other threads meanwhile may share
     * that transaction (group commit). The first appender that finds no transaction under way leads: it takes the
     * entries waiting, its own among them, and writes them in one transaction under one lock of the head row, in the
     * order they came; the others wait until the leader hands each its stored entry, or its failure. When the shared
     * transaction fails, the leader writes each appender's entries again alone, so that an entry that cannot be stored
     * fails only its own access (SAF-2) and the others are stored once.
     */
    @Override
    public StoredAuditEntry append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return grouped(List.of(entry)).get(0);
    }

    /**
     * Appends several entries together: they are chained one after another in the order given, with no other entry
     * between them, and committed in one transaction before this returns, or none is stored (SAF-2). Like {@link
     * #append}, they may share that transaction with other appenders' entries (group commit), so that concurrent
     * searches do not queue for the head row one after another.
     */
    @Override
    public List<StoredAuditEntry> appendAll(List<AuditEntry> entries) {
        List<AuditEntry> batch = List.copyOf(entries);
        if (batch.isEmpty()) {
            return List.of();
        }
        return grouped(batch);
    }

    private List<StoredAuditEntry> grouped(List<AuditEntry> entries) {
        Pending mine = new Pending(entries);
        boolean interrupted = false;
        try {
            synchronized (queue) {
                queue.add(mine);
                Thread leader = gathering;
                if (leader != null) {
                    LockSupport.unpark(leader);
                }
                while (!mine.done() && leading) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        // The entries are queued and a leader will write them; the access waits for the outcome.
                        interrupted = true;
                    }
                }
                if (mine.done()) {
                    return mine.outcome();
                }
                leading = true;
            }
            lead(mine);
            return mine.outcome();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Writes the waiting appenders' entries, a group at a time (at most {@link #GROUP_LIMIT} entries, or one
     * appender's however many), until the leader's own are written; then steps down.
     */
    private void lead(Pending mine) {
        try {
            awaitCompany();
            while (!mine.done()) {
                List<Pending> group = new ArrayList<>();
                int entries = 0;
                synchronized (queue) {
                    while (!queue.isEmpty()
                            && (group.isEmpty()
                                    || entries + queue.peek().entries().size() <= GROUP_LIMIT)) {
                        Pending next = queue.poll();
                        group.add(next);
                        entries += next.entries().size();
                    }
                    lastGroup = group.size();
                }
                write(group);
            }
        } finally {
            synchronized (queue) {
                leading = false;
                queue.notifyAll();
            }
        }
    }

    /**
     * Waits up to {@link #gatheringNanos} until as many appenders are queued as the last group held; returns at once
     * after a group of one. The appenders that arrive meanwhile wake the leader to count them.
     */
    private void awaitCompany() {
        int expected;
        synchronized (queue) {
            expected = lastGroup;
        }
        if (expected < 2 || gatheringNanos == 0) {
            return;
        }
        long deadline = System.nanoTime() + gatheringNanos;
        gathering = Thread.currentThread();
        try {
            while (true) {
                synchronized (queue) {
                    if (queue.size() >= expected) {
                        return;
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || Thread.currentThread().isInterrupted()) {
                    return;
                }
                LockSupport.parkNanos(this, remaining);
            }
        } finally {
            gathering = null;
        }
    }

    /** Stores a group in one transaction; when that fails, each appender's entries alone. Every appender ends done. */
    private void write(List<Pending> group) {
        try {
            try {
                List<StoredAuditEntry> stored = database.inTransaction(entityManager -> appendAllWithin(
                        entityManager,
                        group.stream()
                                .flatMap(pending -> pending.entries().stream())
                                .toList()));
                int from = 0;
                for (Pending pending : group) {
                    int to = from + pending.entries().size();
                    pending.stored(stored.subList(from, to));
                    from = to;
                }
            } catch (RuntimeException shared) {
                for (Pending pending : group) {
                    if (group.size() == 1) {
                        pending.failed(shared);
                    } else {
                        writeAlone(pending);
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            group.stream().filter(pending -> !pending.done()).forEach(pending -> pending.failed(e));
            throw e;
        } finally {
            synchronized (queue) {
                queue.notifyAll();
            }
        }
    }

    private void writeAlone(Pending pending) {
        try {
            pending.stored(database.inTransaction(entityManager -> appendAllWithin(entityManager, pending.entries())));
        } catch (RuntimeException e) {
            pending.failed(e);
        }
    }

    /** One appender's entries waiting to be written, and then their outcome, all or nothing. */
    private static final class Pending {

        private final List<AuditEntry> entries;
        private volatile List<StoredAuditEntry> stored;
        private volatile Throwable failure;

        Pending(List<AuditEntry> entries) {
            this.entries = entries;
        }

        List<AuditEntry> entries() {
            return entries;
        }

        boolean done() {
            return stored != null || failure != null;
        }

        void stored(List<StoredAuditEntry> result) {
            this.stored = List.copyOf(result);
        }

        void failed(Throwable cause) {
            this.failure = cause;
        }

        List<StoredAuditEntry> outcome() {
            if (stored != null) {
                return stored;
            }
            throw new AuditWriteFailedException(
                    entries.size() == 1 ? "the access could not be audited" : "the accesses could not be audited",
                    failure);
        }
    }

    /**
     * Appends within the caller's transaction, so that the entry commits or rolls back with the change it audits.
     *
     * @param entityManager with an active transaction
     * @return the entry as it will be stored when the transaction commits
     */
    public StoredAuditEntry appendWithin(EntityManager entityManager, AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return appendAllWithin(entityManager, List.of(entry)).get(0);
    }

    /** Locks the head once, chains the entries after it in order, stores them and moves the head past the last. */
    private static List<StoredAuditEntry> appendAllWithin(EntityManager entityManager, List<AuditEntry> entries) {
        if (!entityManager.getTransaction().isActive()) {
            throw new IllegalStateException("appendWithin needs an active transaction");
        }
        AuditHeadRow head = entityManager.find(AuditHeadRow.class, AuditHeadRow.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("the audit chain head row is missing: the schema was not migrated");
        }
        AuditChainHead next = new AuditChainHead(head.lastSequence(), head.lastHash());
        List<StoredAuditEntry> stored = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            StoredAuditEntry linked = next.link(entry);
            entityManager.persist(AuditEntryRow.of(linked));
            stored.add(linked);
            next = AuditChainHead.of(linked);
        }
        head.advanceTo(stored.get(stored.size() - 1));
        entityManager.flush();
        return List.copyOf(stored);
    }

    @Override
    public AuditPage search(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(query, parameters);
        String order =
                query.order() == AuditQuery.Order.NEWEST_FIRST ? " order by r.sequence desc" : " order by r.sequence";
        return database.inTransaction(entityManager -> {
            TypedQuery<Long> count =
                    entityManager.createQuery("select count(r) from AuditEntryRow r" + where, Long.class);
            TypedQuery<AuditEntryRow> page = entityManager
                    .createQuery("select r from AuditEntryRow r" + where + order, AuditEntryRow.class)
                    .setFirstResult(query.offset())
                    .setMaxResults(query.limit());
            parameters.forEach((name, value) -> {
                count.setParameter(name, value);
                page.setParameter(name, value);
            });
            List<StoredAuditEntry> entries =
                    page.getResultList().stream().map(AuditEntryRow::toStored).toList();
            return new AuditPage(entries, count.getSingleResult(), query.offset());
        });
    }

    /**
     * Checks the chain up to the head as it is when the check starts, in batches of consecutive entries, so that
     * appends may go on meanwhile and a log of any size fits in memory.
     */
    @Override
    public ChainVerification verify() {
        return verifyFrom(AuditChainHead.GENESIS);
    }

    /** As {@link #verify()}, from the checkpoint on; the checkpoint entry itself is read and compared first. */
    @Override
    public ChainVerification verifyAfter(AuditChainHead checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (checkpoint.sequence() > 0) {
            ChainVerification.Broken broken;
            try {
                AuditEntryRow row = database.inTransaction(
                        entityManager -> entityManager.find(AuditEntryRow.class, checkpoint.sequence()));
                broken = AuditChainVerifier.checkpointBroken(checkpoint, row == null ? null : row.toStored());
            } catch (RuntimeException e) {
                broken = new ChainVerification.Broken(
                        checkpoint.sequence(),
                        ChainBreak.ENTRY_UNREADABLE,
                        "entry " + checkpoint.sequence() + " cannot be read: " + e.getMessage());
            }
            if (broken != null) {
                return broken;
            }
        }
        return verifyFrom(checkpoint);
    }

    private ChainVerification verifyFrom(AuditChainHead start) {
        AuditHeadRow headRow =
                database.inTransaction(entityManager -> entityManager.find(AuditHeadRow.class, AuditHeadRow.ID));
        if (headRow == null) {
            return new ChainVerification.Broken(0, ChainBreak.HEAD_MISMATCH, "the chain head row is missing");
        }
        if (headRow.lastSequence() < 0 || !AuditHashes.isHash(headRow.lastHash())) {
            return new ChainVerification.Broken(
                    headRow.lastSequence(), ChainBreak.HEAD_MISMATCH, "the chain head row is malformed");
        }
        AuditChainHead head = new AuditChainHead(headRow.lastSequence(), headRow.lastHash());
        AuditChainVerifier verifier = new AuditChainVerifier(start);
        long after = start.sequence();
        boolean going = true;
        while (going) {
            List<AuditEntryRow> batch = batchAfter(after, head.sequence());
            for (AuditEntryRow row : batch) {
                going = check(verifier, row);
                after = row.sequence();
                if (!going) {
                    break;
                }
            }
            going = going && batch.size() == VERIFY_BATCH;
        }
        ChainVerification result = verifier.finish(head);
        return result.intact() ? pastTheHead().orElse(result) : result;
    }

    /**
     * An entry stored past the head, where no append puts one. Asked in one statement, so that an append committed
     * meanwhile (which moves the head with its entry) is never mistaken for one.
     */
    private Optional<ChainVerification> pastTheHead() {
        Long first = database.inTransaction(entityManager -> entityManager
                .createQuery(
                        "select min(r.sequence) from AuditEntryRow r, AuditHeadRow h"
                                + " where h.id = :head and r.sequence > h.lastSequence",
                        Long.class)
                .setParameter("head", AuditHeadRow.ID)
                .getSingleResult());
        return Optional.ofNullable(first)
                .map(sequence -> new ChainVerification.Broken(
                        sequence,
                        ChainBreak.HEAD_MISMATCH,
                        "entry " + sequence + " is stored past the head, where no entry was appended"));
    }

    private static boolean check(AuditChainVerifier verifier, AuditEntryRow row) {
        StoredAuditEntry stored;
        try {
            stored = row.toStored();
        } catch (RuntimeException e) {
            return verifier.unreadable(
                    row.sequence(), "entry " + row.sequence() + " cannot be read: " + e.getMessage());
        }
        return verifier.accept(stored);
    }

    private List<AuditEntryRow> batchAfter(long after, long upTo) {
        return database.inTransaction(entityManager -> entityManager
                .createQuery(
                        "select r from AuditEntryRow r where r.sequence > :after and r.sequence <= :upTo"
                                + " order by r.sequence",
                        AuditEntryRow.class)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setMaxResults(VERIFY_BATCH)
                .getResultList());
    }

    private static String where(AuditQuery query, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.patient() != null) {
            conditions.add("r.patientId = :patient");
            parameters.put("patient", query.patient().value());
        }
        if (query.recording() != null) {
            conditions.add("r.recordingId = :recording");
            parameters.put("recording", query.recording().value());
        }
        if (query.user() != null) {
            conditions.add("r.userId = :user");
            parameters.put("user", query.user().value());
        }
        if (query.action() != null) {
            conditions.add("r.action = :action");
            parameters.put("action", query.action().name());
        }
        if (query.from() != null) {
            conditions.add("r.occurredAt >= :from");
            parameters.put("from", LocalDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            conditions.add("r.occurredAt < :to");
            parameters.put("to", LocalDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
