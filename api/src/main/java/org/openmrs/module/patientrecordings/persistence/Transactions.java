/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;

/**
 * The transactions the repositories, the audit log and the services run in, whoever manages them: {@link Database}
 * outside any container (the standalone server, the tests), or the host's own transaction manager and Hibernate
 * session factory inside OpenMRS ({@code persistence.spring.SpringTransactions}).
 *
 * <p>Every implementation keeps the same contract. {@link #inTransaction} always runs a new transaction that commits
 * or rolls back on its own. {@link #inCurrentTransaction} joins the thread's current transaction when there is one,
 * without committing it, and otherwise runs a short transaction of its own. {@link #inUnitOfWork} runs a service call
 * as one new transaction that every repository call inside it joins, so that it commits whole or not at all (SAF-4).
 * A lost optimistic lock surfaces as {@link ConcurrentUpdateException} (VER-1).
 */
public interface Transactions {

    /**
     * Runs work in a new transaction and commits it; when the work or the commit throws, the transaction is rolled
     * back and the exception propagates, a lost optimistic lock as {@link ConcurrentUpdateException}. While the work
     * runs, its transaction is the thread's current one.
     *
     * @return what the work returned
     */
    <T> T inTransaction(Function<EntityManager, T> work);

    /**
     * Runs work in the thread's current transaction when there is one, without committing it; otherwise in a
     * transaction of its own, as {@link #inTransaction} does.
     *
     * @return what the work returned
     */
    <T> T inCurrentTransaction(Function<EntityManager, T> work);

    /**
     * Runs a service call as one unit of work: one new transaction that every repository call inside it joins,
     * committed when the call returns and rolled back when it throws (SAF-4).
     *
     * @return what the call returned
     */
    <T> T inUnitOfWork(Supplier<T> call);

    /** Like {@link #inUnitOfWork(Supplier)}, for a call that returns nothing. */
    default void runInUnitOfWork(Runnable call) {
        Objects.requireNonNull(call, "call");
        inUnitOfWork(() -> {
            call.run();
            return null;
        });
    }

    /** Like {@link #inTransaction(Function)}, for work that returns nothing. */
    default void runInTransaction(Consumer<EntityManager> work) {
        Objects.requireNonNull(work, "work");
        inTransaction(entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }

    /**
     * What a failed transaction reports: a lost optimistic lock anywhere in the cause chain (JPA's or Hibernate's,
     * however the transaction manager wrapped it) becomes a {@link ConcurrentUpdateException}; anything else is
     * returned as it is.
     */
    static RuntimeException concurrentUpdateOr(RuntimeException e) {
        if (e instanceof ConcurrentUpdateException) {
            return e;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return new ConcurrentUpdateException("the row was changed by another transaction", e);
            }
        }
        return e;
    }
}
