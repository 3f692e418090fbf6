/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Conditional create guarded by a database unique constraint, never by a check-then-insert alone: two requests that
 * both find nothing would both insert. Here a caller that finds nothing inserts; the database lets exactly one insert
 * through and
 * the others fail on the constraint. A failed caller then looks the winner up in a new transaction (the failed one
 * is rolled back, and on PostgreSQL unusable) and returns it.
 *
 * <p>Two ways to use it: {@link #createOnce(Function, Function)} for a table with its own unique column (an
 * {@code idempotency_key} column of the resource table), and {@link #createOnce(IdempotencyKey, String, Consumer)},
 * which records the key in {@code patientrecordings_idempotency} within the creating transaction.
 */
public final class IdempotentCreator {

    /** The entity classes this needs mapped. */
    public static final List<Class<?>> ENTITIES = List.of(IdempotencyRecord.class);

    /**
     * How often to try when an insert fails and no winner is found: the winner may not have committed yet (H2
     * reports the duplicate before the other transaction commits), or it rolled back and the key is free again.
     */
    static final int ATTEMPTS = 20;

    private final Transactions database;
    private final Clock clock;

    public IdempotentCreator(Transactions database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Inserts unless the unique constraint says it exists.
     *
     * @param insert persists the new row and returns what it created; runs in a transaction of its own and must
     *     hit a unique constraint when the row exists
     * @param findExisting finds the row that made the insert fail, in a new transaction
     * @return the created value, or the existing one
     * @throws PersistenceException when the insert keeps failing and nothing is found
     */
    public <T> IdempotentCreation<T> createOnce(
            Function<EntityManager, T> insert, Function<EntityManager, Optional<T>> findExisting) {
        Objects.requireNonNull(insert, "insert");
        Objects.requireNonNull(findExisting, "findExisting");
        // A retried request (the usual case) finds its first result without an insert that the database would refuse:
        // the refusal is expected, yet the persistence layer would log it as an SQL error.
        Optional<T> before = database.inTransaction(findExisting);
        if (before.isPresent()) {
            return new IdempotentCreation<>(before.get(), false);
        }
        PersistenceException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return new IdempotentCreation<>(
                        database.inTransaction(entityManager -> {
                            T created = insert.apply(entityManager);
                            entityManager.flush();
                            return created;
                        }),
                        true);
            } catch (PersistenceException e) {
                last = e;
            }
            Optional<T> existing = database.inTransaction(findExisting);
            if (existing.isPresent()) {
                return new IdempotentCreation<>(existing.get(), false);
            }
            pause(attempt);
        }
        throw last;
    }

    /**
     * Creates a resource once per key: records the key and the resource id, then runs the creation, in one
     * transaction. When the key exists, the creation does not run and the recorded resource id is returned.
     *
     * @param key the request's key
     * @param resourceId the id the new resource gets (chosen up front, a UUID)
     * @param create persists the resource; runs only for the caller that wins the key
     * @return the resource id, created now or before
     */
    public IdempotentCreation<String> createOnce(
            IdempotencyKey key, String resourceId, Consumer<EntityManager> create) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(create, "create");
        return createOnce(
                entityManager -> {
                    entityManager.persist(
                            new IdempotencyRecord(key, resourceId, LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
                    entityManager.flush();
                    create.accept(entityManager);
                    return resourceId;
                },
                entityManager -> find(entityManager, key));
    }

    /**
     * Creates a resource once per key when its id is known only once it exists: records the key first (so that a
     * second caller with the same key stops at the unique constraint before creating anything), runs the creation,
     * then notes the id it returned on the key, all in one transaction. Repositories that join the thread's unit of
     * work ({@link Database#inCurrentTransaction}) write in that transaction, so the resource and its key commit
     * together or not at all.
     *
     * @param key the request's key
     * @param create creates the resource and returns its id; runs only for the caller that wins the key
     * @return the resource id, created now or before
     */
    public IdempotentCreation<String> createOnce(IdempotencyKey key, Supplier<String> create) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(create, "create");
        return createOnce(
                entityManager -> {
                    IdempotencyRecord record = new IdempotencyRecord(
                            key, IdempotencyRecord.PENDING, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
                    entityManager.persist(record);
                    entityManager.flush();
                    String resourceId = Objects.requireNonNull(create.get(), "the created resource's id");
                    record.created(resourceId);
                    entityManager.flush();
                    return resourceId;
                },
                entityManager -> find(entityManager, key));
    }

    /** @return the resource a key created, if any */
    public Optional<String> resourceFor(IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        return database.inTransaction(entityManager -> find(entityManager, key));
    }

    private static Optional<String> find(EntityManager entityManager, IdempotencyKey key) {
        return entityManager
                .createQuery(
                        "select r from IdempotencyRecord r where r.scope = :scope and r.key = :key",
                        IdempotencyRecord.class)
                .setParameter("scope", key.scope())
                .setParameter("key", key.value())
                .getResultStream()
                .findFirst()
                .map(IdempotencyRecord::resourceId);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("interrupted while waiting to retry a conditional create", e);
        }
    }
}
