/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.spring;

import java.util.Collection;
import org.hibernate.SessionFactory;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.PersistentRepositories;
import org.springframework.orm.jpa.hibernate.HibernateTransactionManager;
import org.springframework.orm.jpa.hibernate.LocalSessionFactoryBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The arrangement the module finds inside OpenMRS 3.0, rebuilt over a test database: a Hibernate session factory built
 * by Spring (whose current session is the one Spring's transaction manager binds to the thread) mapping the module's
 * entities, and Spring's Hibernate transaction manager over it, the two beans that {@link SpringTransactions} is
 * given there. The schema is the one the {@link Database} migrated; its connection pool is shared.
 */
public final class HostHibernate implements AutoCloseable {

    private final SessionFactory sessionFactory;
    private final HibernateTransactionManager transactionManager;

    /** Over every entity of the module. */
    public HostHibernate(Database database) {
        this(database, PersistentRepositories.ENTITIES);
    }

    /** Over the given entities, whose tables the database has. */
    public HostHibernate(Database database, Collection<Class<?>> entities) {
        LocalSessionFactoryBuilder builder = new LocalSessionFactoryBuilder(database.dataSource());
        builder.addAnnotatedClasses(entities.toArray(Class<?>[]::new));
        this.sessionFactory = builder.buildSessionFactory();
        this.transactionManager = new HibernateTransactionManager(sessionFactory);
    }

    /** @return the module's transactions over the host's beans, as the OpenMRS adapter builds them */
    public SpringTransactions transactions() {
        return new SpringTransactions(transactionManager, sessionFactory);
    }

    /** @return a transaction the host begins itself, as an OpenMRS service call does ({@code PROPAGATION_REQUIRED}) */
    TransactionTemplate hostTransaction() {
        return new TransactionTemplate(transactionManager);
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
