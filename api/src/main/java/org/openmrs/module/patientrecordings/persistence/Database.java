/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.ValidationMode;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.cfg.BatchSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

/**
 * The module's database, outside any container: a HikariCP pool, the schema migrated by the one Liquibase
 * changelog ({@value #CHANGELOG}), and a JPA {@link EntityManagerFactory} (Hibernate) over exactly the entity
 * classes it is given, validated against the migrated schema. Thread-safe; close it once when done.
 *
 * <p>No {@code persistence.xml} is read and no class path is scanned: what is mapped is what {@link #open} lists.
 *
 * <p><b>Unit of work.</b> While the work of {@link #inTransaction} runs, its entity manager is bound to the calling
 * thread. Repositories run their statements through {@link #inCurrentTransaction}, which joins that transaction
 * when there is one and otherwise runs a short transaction of its own. So a service call wrapped in {@link
 * #inUnitOfWork} is one transaction: everything it saved commits together or, when anything throws, nothing of it
 * does (SAF-4). Unwrapped, every repository call commits on its own. This is the {@link Transactions} contract, which
 * the repositories are written against; inside OpenMRS the host's transaction manager implements it instead.
 */
public final class Database implements Transactions, AutoCloseable {

    /** The class path resource of the changelog; OpenMRS runs the same file as the module's liquibase.xml. */
    public static final String CHANGELOG = "org/openmrs/module/patientrecordings/liquibase/changelog.xml";

    /**
     * How long a request waits for a connection before it is answered that the database is unavailable (503, {@link
     * DatabaseUnavailable}). Requests queue at the unit-of-work gate, never in the pool, so only an unreachable or
     * stalled database makes them wait this long.
     */
    static final long CONNECTION_TIMEOUT_MILLIS = 10_000;

    /** At most this many statements of one kind go to the database in one JDBC batch. */
    static final int STATEMENT_BATCH_SIZE = 64;

    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;

    /** The entity managers of the transactions running on each thread, innermost first. */
    private final ThreadLocal<Deque<EntityManager>> bound = ThreadLocal.withInitial(ArrayDeque::new);

    private Database(HikariDataSource dataSource, EntityManagerFactory entityManagerFactory) {
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
    }

    /**
     * Connects, migrates the schema, then maps and validates the entity classes.
     *
     * @param settings where the database is
     * @param entityClasses every entity class to map, for example {@code JpaAuditLog.ENTITIES}
     * @throws DatabaseStartException naming the stage that failed; nothing is left open then
     */
    public static Database open(DatabaseSettings settings, Collection<Class<?>> entityClasses) {
        Objects.requireNonNull(settings, "settings");
        List<Class<?>> entities = List.copyOf(entityClasses);
        HikariDataSource pool = connect(settings);
        try {
            migrate(pool, settings);
            return new Database(pool, mapAndValidate(pool, settings, entities));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Runs work in a new transaction and commits it. When the work or the commit throws, the transaction is rolled
     * back and the exception propagates, a lost optimistic lock as {@link ConcurrentUpdateException}. Each call is a
     * transaction of its own on a connection of its own; while the work runs, the transaction is the thread's
     * current one (see {@link #inCurrentTransaction}). Called from inside other work it starts a second,
     * independent transaction, which commits or rolls back on its own, on a second connection. A thread holds at most
     * {@value ConnectionBudget#CONNECTIONS_PER_THREAD} transactions at once: the pool sizes of {@link
     * ConnectionBudget} rely on it, so a deeper nesting is refused with an {@link IllegalStateException} before it
     * takes a connection.
     *
     * @return what the work returned
     */
    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        Objects.requireNonNull(work, "work");
        Deque<EntityManager> current = bound.get();
        if (current.size() >= ConnectionBudget.CONNECTIONS_PER_THREAD) {
            throw new IllegalStateException("a thread may hold at most " + ConnectionBudget.CONNECTIONS_PER_THREAD
                    + " transactions at once (see ConnectionBudget): nested transaction " + (current.size() + 1)
                    + " refused");
        }
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        current.push(entityManager);
        try {
            transaction.begin();
            T result = work.apply(entityManager);
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            rollback(transaction, e);
            throw Transactions.concurrentUpdateOr(e);
        } catch (Error e) {
            rollback(transaction, e);
            throw e;
        } finally {
            current.pop();
            if (current.isEmpty()) {
                bound.remove();
            }
            entityManager.close();
        }
    }

    /**
     * Runs work in the thread's current transaction (that of the innermost {@link #inTransaction} running on this
     * thread) when there is one, without committing it; otherwise in a transaction of its own, as {@link
     * #inTransaction} does. Repositories run every statement through this, so that they join a unit of work.
     *
     * @return what the work returned
     */
    @Override
    public <T> T inCurrentTransaction(Function<EntityManager, T> work) {
        Objects.requireNonNull(work, "work");
        EntityManager current = bound.get().peek();
        if (current == null) {
            bound.remove();
            return inTransaction(work);
        }
        return work.apply(current);
    }

    /**
     * Runs a service call as one unit of work: one transaction that every repository call inside it joins, committed
     * when the call returns and rolled back when it throws, so that nothing is left half-written (SAF-4).
     *
     * @return what the call returned
     */
    @Override
    public <T> T inUnitOfWork(Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        return inTransaction(entityManager -> call.get());
    }

    /** @return the pooled data source, for plain JDBC where JPA does not fit */
    public DataSource dataSource() {
        return dataSource;
    }

    /** @return the factory, for callers that manage their own entity managers */
    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /** Closes the factory and the pool; later calls fail. */
    @Override
    public void close() {
        try {
            entityManagerFactory.close();
        } finally {
            dataSource.close();
        }
    }

    private static HikariDataSource connect(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("patientrecordings");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        // A fixed-size pool: every connection is opened at start and kept (replaced when it retires). A pool that
        // grows on demand opens a connection on its adder thread for each waiting request, and that thread can see a
        // connection another thread has just released, open none, and leave the waiter without one until its timeout:
        // ConnectionBudget's sizes then no longer keep every wait short, and a burst of requests answers 503.
        config.setMinimumIdle(settings.maximumPoolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        if (settings.jdbcUrl().startsWith("jdbc:postgresql:")) {
            // A batch of inserts goes as one multi-row INSERT rather than a statement per row (the driver's default).
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseStartException("cannot connect to " + settings, e);
        }
    }

    private static void migrate(DataSource dataSource, DatabaseSettings settings) {
        try {
            SchemaMigration.migrate(dataSource, CHANGELOG);
        } catch (Exception e) {
            throw new DatabaseStartException("cannot migrate the schema of " + settings + " with " + CHANGELOG, e);
        }
    }

    private static EntityManagerFactory mapAndValidate(
            DataSource dataSource, DatabaseSettings settings, List<Class<?>> entities) {
        try {
            return new HibernatePersistenceConfiguration("patientrecordings")
                    .managedClasses(entities)
                    .validationMode(ValidationMode.NONE)
                    .schemaToolingAction(Action.VALIDATE)
                    .property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    // Rows of one kind written together (the audit entries of a search: one per recording it
                    // returned) go to the database as one JDBC batch, not one round trip each.
                    .property(BatchSettings.STATEMENT_BATCH_SIZE, STATEMENT_BATCH_SIZE)
                    .createEntityManagerFactory();
        } catch (RuntimeException e) {
            throw new DatabaseStartException(
                    "the schema of " + settings + " does not match the entity mappings " + entities, e);
        }
    }

    private static void rollback(EntityTransaction transaction, Throwable failure) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
