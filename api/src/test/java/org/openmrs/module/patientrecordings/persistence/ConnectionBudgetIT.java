/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
            for (Future<?> thread : done) {
                thread.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(deepest).hasValue(threads);
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

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other threads did not arrive", e);
        }
    }
}
