/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A pool of {@link ConnectionBudget#poolSize()} connections on a real database: its threads get every connection they
 * need even when all of them hold all but their last, and a thread cannot nest deeper than the budget counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionBudgetIT {

    private final List<TestDatabase> created = new ArrayList<>();
    private final List<Database> opened = new ArrayList<>();

    @AfterAll
    void dropDatabases() {
        opened.forEach(Database::close);
        created.forEach(TestDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void threadsThatAllHoldAllButTheirLastConnectionStillAllFinish(DatabaseEngine engine) throws Exception {
        ConnectionBudget budget = new ConnectionBudget(3, 1);
        int threads = budget.unitsOfWork() + budget.backgroundThreads();
        Database database = open(engine, budget.poolSize());
        CyclicBarrier holdingOne = new CyclicBarrier(threads);
        CyclicBarrier holdingTwo = new CyclicBarrier(threads);
        AtomicInteger deepest = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> database.runInTransaction(outer -> {
                    await(holdingOne);
                    database.runInTransaction(middle -> {
                        await(holdingTwo);
                        database.runInTransaction(inner -> {
                            inner.createNativeQuery("SELECT 1").getSingleResult();
                            deepest.incrementAndGet();
                        });
                    });
                })));
            }
            failIfAnyFailed(done);
        } finally {
            pool.shutdownNow();
        }

        assertThat(deepest).hasValue(threads);
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void thePoolOpensEveryConnectionAtStartAndKeepsThemWhileIdle(DatabaseEngine engine) throws Exception {
        int poolSize = new ConnectionBudget(2, 1).poolSize();
        Database database = open(engine, poolSize);
        HikariPoolMXBean pool =
                database.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pool.getTotalConnections() < poolSize && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pool.getTotalConnections())
                .as("connections open after start")
                .isEqualTo(poolSize);

        database.runInTransaction(
                entityManager -> entityManager.createNativeQuery("SELECT 1").getSingleResult());
        assertThat(pool.getTotalConnections())
                .as("connections open after a transaction")
                .isEqualTo(poolSize);
        assertThat(pool.getIdleConnections())
                .as("connections idle after a transaction")
                .isEqualTo(poolSize);
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void aTransactionNestedDeeperThanTheBudgetCountsIsRefusedAndTheOuterOnesStillWork(DatabaseEngine engine) {
        Database database = open(engine, new ConnectionBudget(1, 0).poolSize());

        Object answer = database.inTransaction(first -> {
            assertThatThrownBy(() -> database.runInTransaction(
                            second -> database.runInTransaction(third -> database.runInTransaction(fourth ->
                                    fourth.createNativeQuery("SELECT 1").getSingleResult()))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("at most 3 transactions at once");
            return first.createNativeQuery("SELECT 1").getSingleResult();
        });

        assertThat(answer).isNotNull();
    }

    private Database open(DatabaseEngine engine, int poolSize) {
        TestDatabase database = TestDatabase.create(engine);
        created.add(database);
        Database open = Database.open(database.settings().withMaximumPoolSize(poolSize), List.of());
        opened.add(open);
        return open;
    }

    /**
     * Waits for every thread and fails naming what went wrong first: a thread that failed breaks the barriers, so the
     * others' broken barriers follow from it and are only attached.
     */
    private static void failIfAnyFailed(List<Future<?>> done) throws InterruptedException {
        List<Throwable> causes = new ArrayList<>();
        List<Throwable> brokenBarriers = new ArrayList<>();
        for (Future<?> thread : done) {
            try {
                thread.get(180, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                (e.getCause() instanceof BrokenBarrier ? brokenBarriers : causes).add(e.getCause());
            } catch (TimeoutException e) {
                causes.add(new AssertionError("a thread did not finish in 180 s", e));
            }
        }
        causes.addAll(brokenBarriers);
        if (!causes.isEmpty()) {
            AssertionError failure =
                    new AssertionError(causes.size() + " of " + done.size() + " threads failed", causes.get(0));
            causes.subList(1, causes.size()).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other threads", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the other threads did not arrive within 60 s", e);
        } catch (BrokenBarrierException e) {
            throw new BrokenBarrier(e);
        }
    }

    /** Another thread failed or timed out at the barrier: not a cause of its own. */
    private static final class BrokenBarrier extends RuntimeException {
        BrokenBarrier(BrokenBarrierException cause) {
            super("another thread left the barrier", cause);
        }
    }
}
