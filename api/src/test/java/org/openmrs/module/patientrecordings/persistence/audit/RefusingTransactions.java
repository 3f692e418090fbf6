/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.persistence.Transactions;

/**
 * Transactions of a real database in which persisting the row of a matching audit entry throws, as a database
 * refusing that row would: the transaction is rolled back, the other entries of other transactions are stored.
 */
final class RefusingTransactions implements Transactions {

    private final Transactions database;
    private final Predicate<AuditEntry> refused;

    RefusingTransactions(Transactions database, Predicate<AuditEntry> refused) {
        this.database = database;
        this.refused = refused;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return database.inTransaction(entityManager -> work.apply(refusing(entityManager)));
    }

    @Override
    public <T> T inCurrentTransaction(Function<EntityManager, T> work) {
        return database.inCurrentTransaction(entityManager -> work.apply(refusing(entityManager)));
    }

    @Override
    public <T> T inUnitOfWork(Supplier<T> call) {
        return database.inUnitOfWork(call);
    }

    private EntityManager refusing(EntityManager entityManager) {
        return (EntityManager) Proxy.newProxyInstance(
                EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("persist")
                            && args[0] instanceof AuditEntryRow row
                            && refused.test(row.toStored().entry())) {
                        throw new PersistenceException("the database refused the row");
                    }
                    try {
                        return method.invoke(entityManager, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
