/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.persistence.spring.HostHibernate;

/** The version column convention: of two updates from the same version one wins, the other gets VER-1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptimisticLockingIT {

    private final TestDatabases databases = new TestDatabases();
    private final Map<DatabaseEngine, HostHibernate> hosts = new EnumMap<>(DatabaseEngine.class);

    @AfterAll
    void dropDatabases() {
        hosts.values().forEach(HostHibernate::close);
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void ofTwoConcurrentUpdatesOfOneRowOneWinsAndTheOtherGetsVER1(DatabaseEngine engine) throws Exception {
        oneWinsTheOtherGetsVER1(databases.open(engine));
    }

    /** The same in a host's Spring transactions, where the lost lock surfaces wrapped by Spring at commit. */
    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void ofTwoConcurrentUpdatesInAHostsSpringTransactionsOneWinsAndTheOtherGetsVER1(DatabaseEngine engine)
            throws Exception {
        Database database = databases.open(engine);
        HostHibernate host = hosts.computeIfAbsent(engine, e -> new HostHibernate(database, TestNote.ENTITIES));
        oneWinsTheOtherGetsVER1(host.transactions());
    }

    private static void oneWinsTheOtherGetsVER1(Transactions database) throws Exception {
        String id = UUID.randomUUID().toString();
        database.runInTransaction(entityManager -> entityManager.persist(new TestNote(id, "original")));
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<Future<String>> updates = new ArrayList<>();
            for (String text : List.of("first", "second")) {
                updates.add(pool.submit(() -> database.inTransaction(entityManager -> {
                    TestNote note = entityManager.find(TestNote.class, id);
                    await(bothHaveRead);
                    note.rewrite(text);
                    return text;
                })));
            }
            for (Future<String> update : updates) {
                outcomes.add(outcome(update));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).filteredOn(String.class::isInstance).hasSize(1);
        assertThat(outcomes)
                .filteredOn(ConcurrentUpdateException.class::isInstance)
                .singleElement()
                .extracting(failure -> ((ConcurrentUpdateException) failure).code())
                .isEqualTo(ErrorCode.VER_1);
        String winner = (String)
                outcomes.stream().filter(String.class::isInstance).findFirst().orElseThrow();
        TestNote stored = database.inTransaction(entityManager -> entityManager.find(TestNote.class, id));
        assertThat(stored.text()).isEqualTo(winner);
        assertThat(stored.version()).isEqualTo(1);
    }

    private static Object outcome(Future<String> update)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        try {
            return update.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other update did not read in time", e);
        }
    }
}
