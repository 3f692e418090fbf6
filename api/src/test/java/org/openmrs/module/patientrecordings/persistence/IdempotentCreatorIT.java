/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Conditional create is guarded by a unique constraint, not a check-then-insert (ARCHITECTURE, Persistence). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotentCreatorIT {

    private static final int THREADS = 8;

    private final TestDatabases databases = new TestDatabases();

    @AfterAll
    void dropDatabases() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void eightConcurrentCreatesWithOneKeyLeaveExactlyOneRowAndOneResource(DatabaseEngine engine) throws Exception {
        Database database = databases.open(engine);
        IdempotentCreator creator = new IdempotentCreator(database, Clock.systemUTC());
        IdempotencyKey key = new IdempotencyKey("media", "upload-" + UUID.randomUUID());

        List<IdempotentCreation<String>> results = concurrently(() -> {
            String candidate = UUID.randomUUID().toString();
            return creator.createOnce(
                    key, candidate, entityManager -> entityManager.persist(new TestNote(candidate, "made")));
        });

        assertThat(results).filteredOn(IdempotentCreation::created).hasSize(1);
        String winner = results.stream()
                .filter(IdempotentCreation::created)
                .findFirst()
                .orElseThrow()
                .value();
        assertThat(results).extracting(IdempotentCreation::value).containsOnly(winner);
        assertThat(count(
                        database,
                        "SELECT COUNT(*) FROM patientrecordings_idempotency WHERE idempotency_key = ?",
                        key.value()))
                .isEqualTo(1);
        assertThat(count(database, "SELECT COUNT(*) FROM patientrecordings_test_note WHERE id = ?", winner))
                .isEqualTo(1);
        assertThat(creator.resourceFor(key)).contains(winner);
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void aResourceWhoseIdIsKnownOnlyOnceCreatedIsCreatedOnceUnderEightConcurrentRequests(DatabaseEngine engine)
            throws Exception {
        Database database = databases.open(engine);
        IdempotentCreator creator = new IdempotentCreator(database, Clock.systemUTC());
        IdempotencyKey key = new IdempotencyKey("media", "urn:system|" + UUID.randomUUID());

        List<IdempotentCreation<String>> results = concurrently(() -> creator.createOnce(key, () -> {
            String id = UUID.randomUUID().toString();
            database.inCurrentTransaction(entityManager -> {
                entityManager.persist(new TestNote(id, "made in the key's transaction"));
                return id;
            });
            return id;
        }));

        assertThat(results).filteredOn(IdempotentCreation::created).hasSize(1);
        String winner = results.stream()
                .filter(IdempotentCreation::created)
                .findFirst()
                .orElseThrow()
                .value();
        assertThat(results).extracting(IdempotentCreation::value).containsOnly(winner);
        assertThat(count(database, "SELECT COUNT(*) FROM patientrecordings_test_note WHERE id = ?", winner))
                .isEqualTo(1);
        assertThat(count(
                        database,
                        "SELECT COUNT(*) FROM patientrecordings_idempotency WHERE idempotency_key = ?",
                        key.value()))
                .isEqualTo(1);
        assertThat(creator.resourceFor(key)).contains(winner);
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void aCreationThatFailsLeavesNeitherItsResourceNorItsKey(DatabaseEngine engine) throws SQLException {
        Database database = databases.open(engine);
        IdempotentCreator creator = new IdempotentCreator(database, Clock.systemUTC());
        IdempotencyKey key = new IdempotencyKey("media", "refused-" + UUID.randomUUID());
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> creator.createOnce(key, () -> {
                    database.inCurrentTransaction(entityManager -> {
                        entityManager.persist(new TestNote(id, "half-written"));
                        entityManager.flush();
                        return id;
                    });
                    throw new IllegalStateException("refused by a rule");
                }))
                .hasMessage("refused by a rule");

        assertThat(creator.resourceFor(key)).isEmpty();
        assertThat(count(database, "SELECT COUNT(*) FROM patientrecordings_test_note WHERE id = ?", id))
                .isZero();
        IdempotentCreation<String> retried = creator.createOnce(key, () -> "created-on-retry");
        assertThat(retried).isEqualTo(new IdempotentCreation<>("created-on-retry", true));
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void eightConcurrentInsertsOfOneUniqueValueCreateItOnceAndReturnItToAll(DatabaseEngine engine) throws Exception {
        Database database = databases.open(engine);
        IdempotentCreator creator = new IdempotentCreator(database, Clock.systemUTC());
        String id = UUID.randomUUID().toString();

        List<IdempotentCreation<String>> results = concurrently(() -> creator.createOnce(
                entityManager -> {
                    entityManager.persist(
                            new TestNote(id, Thread.currentThread().getName()));
                    return id;
                },
                entityManager -> Optional.ofNullable(entityManager.find(TestNote.class, id))
                        .map(TestNote::id)));

        assertThat(results).filteredOn(IdempotentCreation::created).hasSize(1);
        assertThat(results).extracting(IdempotentCreation::value).containsOnly(id);
        assertThat(count(database, "SELECT COUNT(*) FROM patientrecordings_test_note WHERE id = ?", id))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void aRepeatedCreateReturnsTheFirstResourceWithoutCreatingAgain(DatabaseEngine engine) throws SQLException {
        Database database = databases.open(engine);
        IdempotentCreator creator = new IdempotentCreator(database, Clock.systemUTC());
        IdempotencyKey key = IdempotencyKey.hashed("media", "patient=p1&identifier=" + UUID.randomUUID());
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        IdempotentCreation<String> created =
                creator.createOnce(key, first, entityManager -> entityManager.persist(new TestNote(first, "first")));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        IdempotentCreation<String> repeated;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            repeated = creator.createOnce(
                    key, second, entityManager -> entityManager.persist(new TestNote(second, "second")));
        } finally {
            System.setErr(stderr);
        }

        assertThat(log.toString(StandardCharsets.UTF_8))
                .as("an expected repeat logs no SQL error")
                .doesNotContain("SqlExceptionHelper", "SQL Error");
        assertThat(created).isEqualTo(new IdempotentCreation<>(first, true));
        assertThat(repeated).isEqualTo(new IdempotentCreation<>(first, false));
        assertThat(count(database, "SELECT COUNT(*) FROM patientrecordings_test_note WHERE id = ?", second))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void theSameKeyInAnotherScopeIsAnotherRequest(DatabaseEngine engine) {
        Database database = databases.open(engine);
        IdempotentCreator creator = new IdempotentCreator(database, Clock.systemUTC());
        String value = "request-" + UUID.randomUUID();
        String media = UUID.randomUUID().toString();
        String consent = UUID.randomUUID().toString();

        creator.createOnce(new IdempotencyKey("media", value), media, entityManager -> {});
        IdempotentCreation<String> other =
                creator.createOnce(new IdempotencyKey("consent", value), consent, entityManager -> {});

        assertThat(other).isEqualTo(new IdempotentCreation<>(consent, true));
    }

    private static <T> List<T> concurrently(Callable<T> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return work.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(Database database, String sql, String parameter) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
