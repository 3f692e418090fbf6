/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.spring;

import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.openmrs.module.patientrecordings.persistence.ConcurrentUpdateException;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Transactions} over a host's Spring transaction manager and Hibernate session factory: how the module's
 * repositories run on OpenMRS' own database, in OpenMRS' own transactions (the {@code transactionManager} and
 * {@code sessionFactory} beans of core). The entity manager handed to the work is the session factory's current
 * session ({@link SessionFactory#getCurrentSession()}, a Hibernate {@code Session}, which is a JPA {@link
 * EntityManager}), the one the transaction manager bound to the thread.
 *
 * <ul>
 *   <li>{@link #inTransaction} and {@link #inUnitOfWork} run a new transaction ({@code PROPAGATION_REQUIRES_NEW}),
 *       suspending the caller's for as long as they run, as {@code Database} does;
 *   <li>{@link #inCurrentTransaction} joins the transaction the thread already has, whoever began it (a unit of
 *       work of the module, or an OpenMRS service call such as a patient merge, so that what the module changes
 *       commits or rolls back with it), and otherwise runs a transaction of its own. Like {@code Database}, and
 *       unlike {@code PROPAGATION_REQUIRED}, a failure in joined work does not by itself doom the joined transaction:
 *       it propagates, and the owner of the transaction rolls back when it gives up.
 * </ul>
 *
 * <p>A lost optimistic lock, however the transaction manager wrapped it, surfaces as {@link
 * ConcurrentUpdateException} (VER-1). Thread-safe. Needs only spring-tx and Hibernate, both the host's.
 */
public final class SpringTransactions implements Transactions {

    private final SessionFactory sessionFactory;
    private final TransactionTemplate newTransaction;

    /**
     * @param transactionManager the host's transaction manager, managing transactions of {@code sessionFactory}
     * @param sessionFactory the host's session factory, mapping the module's entities; its current-session context
     *     must be the transaction manager's (Spring's {@code SpringSessionContext}, as Spring's session factory
     *     builders set it)
     */
    public SpringTransactions(PlatformTransactionManager transactionManager, SessionFactory sessionFactory) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        TransactionTemplate template =
                new TransactionTemplate(Objects.requireNonNull(transactionManager, "transactionManager"));
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        template.setName(SpringTransactions.class.getName());
        this.newTransaction = template;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        Objects.requireNonNull(work, "work");
        try {
            return newTransaction.execute(status -> work.apply(sessionFactory.getCurrentSession()));
        } catch (RuntimeException e) {
            throw Transactions.concurrentUpdateOr(e);
        }
    }

    @Override
    public <T> T inCurrentTransaction(Function<EntityManager, T> work) {
        Objects.requireNonNull(work, "work");
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.apply(sessionFactory.getCurrentSession());
        }
        return inTransaction(work);
    }

    @Override
    public <T> T inUnitOfWork(Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        return inTransaction(entityManager -> call.get());
    }
}
