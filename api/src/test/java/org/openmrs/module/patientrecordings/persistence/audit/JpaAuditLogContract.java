/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditChainHead;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.audit.AuditLogContract;
import org.openmrs.module.patientrecordings.audit.ChainVerification;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.TestDatabase;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.opentest4j.TestAbortedException;

/**
 * The audit log contract (SAF-2) against {@link JpaAuditLog} on a real database of its own, tampered with through
 * plain JDBC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaAuditLogContract extends AuditLogContract {

    private TestDatabase testDatabase;
    private Database database;
    private String skipped;

    abstract DatabaseEngine engine();

    /** An unreachable server skips each test with the reason, rather than the class silently. */
    @BeforeAll
    void createDatabase() {
        try {
            testDatabase = TestDatabase.create(engine());
        } catch (TestAbortedException e) {
            skipped = e.getMessage();
            return;
        }
        database = testDatabase.open(JpaAuditLog.ENTITIES);
    }

    @AfterAll
    void dropDatabase() {
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    @Override
    protected AuditLog emptyLog() {
        Assumptions.assumeTrue(skipped == null, () -> skipped);
        update("DELETE FROM patientrecordings_audit_entry");
        update("UPDATE patientrecordings_audit_head SET last_seq_no = 0, last_hash = '" + AuditChainHead.GENESIS_HASH
                + "'");
        return new JpaAuditLog(database);
    }

    @Override
    protected void alterStoredDetail(long sequence, String detail) {
        update("UPDATE patientrecordings_audit_entry SET detail = ? WHERE seq_no = ?", detail, sequence);
    }

    @Override
    protected void deleteStoredEntry(long sequence) {
        update("DELETE FROM patientrecordings_audit_entry WHERE seq_no = ?", sequence);
    }

    @Override
    protected void swapStoredEntries(long first, long second) {
        update("UPDATE patientrecordings_audit_entry SET seq_no = ? WHERE seq_no = ?", -1L, first);
        update("UPDATE patientrecordings_audit_entry SET seq_no = ? WHERE seq_no = ?", first, second);
        update("UPDATE patientrecordings_audit_entry SET seq_no = ? WHERE seq_no = ?", second, -1L);
    }

    @Override
    protected void insertStoredEntry(StoredAuditEntry forged) {
        AuditEntry entry = forged.entry();
        update(
                "INSERT INTO patientrecordings_audit_entry (seq_no, occurred_at, user_id, patient_id, recording_id,"
                        + " audit_action, purpose, outcome, outcome_codes, detail, previous_hash, entry_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                forged.sequence(),
                LocalDateTime.ofInstant(entry.at(), ZoneOffset.UTC),
                entry.user().value(),
                entry.patient() == null ? null : entry.patient().value(),
                entry.recording() == null ? null : entry.recording().value(),
                entry.action().name(),
                entry.purpose() == null ? null : entry.purpose().code(),
                entry.outcome().result().name(),
                entry.outcome().codes().isEmpty()
                        ? null
                        : entry.outcome().codes().stream().map(ErrorCode::code).collect(Collectors.joining(",")),
                entry.detail().isEmpty() ? null : entry.detail(),
                forged.previousHash(),
                forged.hash());
    }

    @Override
    protected void shiftStoredEntries(long first, long last) {
        // From the last down, so that no two rows ever share a sequence number.
        for (long sequence = last; sequence >= first; sequence--) {
            update("UPDATE patientrecordings_audit_entry SET seq_no = ? WHERE seq_no = ?", sequence + 1, sequence);
        }
    }

    @Override
    protected void overwriteStoredHead(AuditChainHead head) {
        update("UPDATE patientrecordings_audit_head SET last_seq_no = ?, last_hash = ?", head.sequence(), head.hash());
    }

    @Override
    protected AuditLog unwritableLog() {
        Database closed = Database.open(testDatabase.settings(), JpaAuditLog.ENTITIES);
        closed.close();
        return new JpaAuditLog(closed);
    }

    /** A log over the same database whose every transaction refuses to persist a matching entry's row. */
    @Override
    protected AuditLog refusing(Predicate<AuditEntry> matching) {
        return new JpaAuditLog(new RefusingTransactions(database, matching));
    }

    /**
     * A search's hits reach the database as one batch: twenty entries, and a handful of statements prepared for them
     * (the head read and updated, one insert batched) rather than one insert each.
     */
    @Test
    void theEntriesOfOneSearchAreInsertedAsOneBatch_SAF2() {
        AuditLog log = emptyLog();
        List<AuditEntry> hits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            hits.add(AuditEntry.success(
                            UserId.of("u"), AT, PatientId.of("p"), null, AuditAction.SEARCH, Purpose.DIRECT_CARE)
                    .withDetail("hit " + i));
        }
        Statistics statistics =
                database.entityManagerFactory().unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            List<StoredAuditEntry> stored = log.appendAll(hits);

            assertThat(stored).hasSize(20);
            assertThat(statistics.getEntityInsertCount()).isEqualTo(20);
            assertThat(statistics.getPrepareStatementCount())
                    .as("statements prepared for 20 entries")
                    .isLessThanOrEqualTo(3);
        } finally {
            statistics.setStatisticsEnabled(false);
            statistics.clear();
        }
        assertThat(log.verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    /**
     * A search's hits wait for the head row no longer than a single access does: while one group is being written,
     * the batches that arrive are written together in the next transaction, each still in one run.
     */
    @Test
    void batchesArrivingWhileAGroupIsWrittenShareTheNextTransaction_SAF2() throws Exception {
        emptyLog();
        GatedTransactions gated = new GatedTransactions();
        JpaAuditLog log = new JpaAuditLog(gated);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<StoredAuditEntry> single = threads.submit(() -> log.append(view("single")));
            assertThat(gated.firstBegun.await(30, TimeUnit.SECONDS)).isTrue();
            List<Future<List<StoredAuditEntry>>> searches = new ArrayList<>();
            List<Thread> waiting = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                List<AuditEntry> hits = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    hits.add(AuditEntry.success(
                                    UserId.of("u" + s),
                                    AT,
                                    PatientId.of("p"),
                                    null,
                                    AuditAction.SEARCH,
                                    Purpose.DIRECT_CARE)
                            .withDetail("search " + s + " hit " + i));
                }
                searches.add(threads.submit(() -> {
                    synchronized (waiting) {
                        waiting.add(Thread.currentThread());
                    }
                    return log.appendAll(hits);
                }));
            }
            awaitState(waiting, 2, Thread.State.WAITING, "both searches wait behind the first group");
            gated.release.countDown();

            assertThat(single.get(30, TimeUnit.SECONDS).sequence()).isEqualTo(1);
            for (Future<List<StoredAuditEntry>> search : searches) {
                List<StoredAuditEntry> stored = search.get(30, TimeUnit.SECONDS);
                assertThat(stored.get(2).sequence() - stored.get(0).sequence())
                        .as("one run")
                        .isEqualTo(2);
            }
            assertThat(gated.transactions.get())
                    .as("the single access, then both searches together")
                    .isEqualTo(2);
            assertThat(log.verify()).isInstanceOf(ChainVerification.Intact.class);
        } finally {
            gated.release.countDown();
            threads.shutdownNow();
        }
    }

    /**
     * After a group of two, the next leader waits for a second appender before it commits, and commits as soon as
     * that one arrives (the wait allowed is far longer than the test); after a group of one (as a new log starts), an
     * appender commits without waiting; a leader whose company does not come commits alone when its wait is over.
     */
    @Test
    void aLeaderAwaitsAsManyAppendersAsTheLastGroupHeldAndNoMore_SAF2() throws Exception {
        emptyLog();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        GatedTransactions gated = new GatedTransactions();
        GatedTransactions gatedBriefly = new GatedTransactions();
        try {
            JpaAuditLog log = new JpaAuditLog(gated, Duration.ofHours(1));
            groupOfOneThenOfTwo(log, gated, threads);
            assertThat(gated.transactions.get()).isEqualTo(2);

            List<Thread> leader = new ArrayList<>();
            Future<StoredAuditEntry> fourth = threads.submit(() -> {
                synchronized (leader) {
                    leader.add(Thread.currentThread());
                }
                return log.append(view("fourth"));
            });
            awaitState(leader, 1, Thread.State.TIMED_WAITING, "the leader waits for company");
            assertThat(fourth.isDone()).isFalse();
            StoredAuditEntry fifth = log.append(view("fifth"));
            assertThat(fourth.get(30, TimeUnit.SECONDS).sequence()).isEqualTo(4);
            assertThat(fifth.sequence()).isEqualTo(5);
            assertThat(gated.transactions.get())
                    .as("the fourth and fifth share one commit")
                    .isEqualTo(3);

            JpaAuditLog briefly = new JpaAuditLog(gatedBriefly, Duration.ofMillis(50));
            groupOfOneThenOfTwo(briefly, gatedBriefly, threads);
            assertThat(briefly.append(view("alone")).sequence()).isEqualTo(9);
            assertThat(gatedBriefly.transactions.get())
                    .as("alone, in a commit of its own")
                    .isEqualTo(3);
            assertThat(log.verify()).isInstanceOf(ChainVerification.Intact.class);
        } finally {
            gated.release.countDown();
            gatedBriefly.release.countDown();
            threads.shutdownNow();
        }
    }

    /**
     * One append, held in its transaction by the gate until two more have arrived and wait; then all three are
     * committed: the first alone, the other two together.
     */
    private static void groupOfOneThenOfTwo(JpaAuditLog log, GatedTransactions gated, ExecutorService threads)
            throws Exception {
        Future<StoredAuditEntry> first = threads.submit(() -> log.append(view("first of three")));
        assertThat(gated.firstBegun.await(30, TimeUnit.SECONDS))
                .as("an appender after a group of one does not wait for company")
                .isTrue();
        List<Thread> waiting = new ArrayList<>();
        List<Future<StoredAuditEntry>> pair = new ArrayList<>();
        for (String who : List.of("second of three", "third of three")) {
            pair.add(threads.submit(() -> {
                synchronized (waiting) {
                    waiting.add(Thread.currentThread());
                }
                return log.append(view(who));
            }));
        }
        awaitState(waiting, 2, Thread.State.WAITING, "both wait behind the first group");
        gated.release.countDown();
        long firstSequence = first.get(30, TimeUnit.SECONDS).sequence();
        for (Future<StoredAuditEntry> one : pair) {
            assertThat(one.get(30, TimeUnit.SECONDS).sequence()).isBetween(firstSequence + 1, firstSequence + 2);
        }
    }

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private static AuditEntry view(String detail) {
        return AuditEntry.success(UserId.of("u"), AT, PatientId.of("p"), null, AuditAction.VIEW, Purpose.DIRECT_CARE)
                .withDetail(detail);
    }

    /** Waits until {@code count} threads have registered and all are in {@code state}; fails after 30 s. */
    private static void awaitState(List<Thread> threads, int count, Thread.State state, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && !allIn(threads, count, state)) {
            Thread.sleep(5);
        }
        assertThat(allIn(threads, count, state)).as(what).isTrue();
    }

    private static boolean allIn(List<Thread> threads, int count, Thread.State state) {
        synchronized (threads) {
            return threads.size() == count && threads.stream().allMatch(t -> t.getState() == state);
        }
    }

    /** The test database's transactions, the first of which waits for {@link #release} once it has begun. */
    private final class GatedTransactions implements Transactions {

        final CountDownLatch firstBegun = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger transactions = new AtomicInteger();

        @Override
        public <T> T inTransaction(Function<EntityManager, T> work) {
            if (transactions.incrementAndGet() == 1) {
                firstBegun.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return database.inTransaction(work);
        }

        @Override
        public <T> T inCurrentTransaction(Function<EntityManager, T> work) {
            return database.inCurrentTransaction(work);
        }

        @Override
        public <T> T inUnitOfWork(Supplier<T> call) {
            return database.inUnitOfWork(call);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tampering failed: " + sql, e);
        }
    }
}
