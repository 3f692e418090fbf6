/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.ValidationMode;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.StaleStateException;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

/**
 * The module's database, outside any container: a HikariCP pool, the schema migrated by the one Liquibase
 * changelog ({@value #CHANGELOG}), and a JPA {@link EntityManagerFactory} (Hibernate) over exactly the entity
 * classes it is given, validated against the migrated schema. Thread-safe; close it once when done.
 *
 * <p>No {@code persistence.xml} is read and no class path is scanned: what is mapped is what {@link #open} lists.
 */
public final class Database implements AutoCloseable {

    /** The class path resource of the changelog; OpenMRS runs the same file as the module's liquibase.xml. */
    public static final String CHANGELOG = "org/openmrs/module/patientrecordings/liquibase/changelog.xml";

    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;

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
     * transaction of its own on a connection of its own: do not call it from inside the work.
     *
     * @return what the work returned
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        Objects.requireNonNull(work, "work");
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(entityManager);
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            rollback(transaction, e);
            throw translate(e);
        } catch (Error e) {
            rollback(transaction, e);
            throw e;
        } finally {
            entityManager.close();
        }
    }

    /** Like {@link #inTransaction(Function)}, for work that returns nothing. */
    public void runInTransaction(Consumer<EntityManager> work) {
        Objects.requireNonNull(work, "work");
        inTransaction(entityManager -> {
            work.accept(entityManager);
            return null;
        });
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

    private static RuntimeException translate(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return new ConcurrentUpdateException("the row was changed by another transaction", e);
            }
        }
        return e;
    }
}
