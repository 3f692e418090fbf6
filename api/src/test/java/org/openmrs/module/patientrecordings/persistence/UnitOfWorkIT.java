/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * One service call, one transaction, with the module's own {@link Database}: the repositories join the thread's unit
 * of work, so that a call that fails leaves nothing half-written (SAF-4), while the audit log keeps what it recorded
 * (SAF-2).
 */
class UnitOfWorkIT extends UnitOfWorkContract {

    private final Map<DatabaseEngine, RepositoryDatabase> databases = new EnumMap<>(DatabaseEngine.class);

    @AfterAll
    void dropDatabases() {
        databases.values().forEach(RepositoryDatabase::close);
    }

    @Override
    protected Stores stores(DatabaseEngine engine) {
        RepositoryDatabase database = databases.computeIfAbsent(engine, RepositoryDatabase::create);
        PersistentRepositories stores = new PersistentRepositories(database.emptied());
        return new Stores(stores.database(), stores.recordings(), stores.consents(), stores.auditLog());
    }
}
