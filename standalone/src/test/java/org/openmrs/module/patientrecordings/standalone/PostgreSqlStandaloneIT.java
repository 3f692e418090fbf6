/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

/** The standalone server on PostgreSQL at 127.0.0.1:5432 (trust authentication), a fresh database per start. */
class PostgreSqlStandaloneIT extends StandaloneServerContract {

    private final ServerDatabases databases = new ServerDatabases(DatabaseEngine.POSTGRESQL);

    @Override
    protected List<String> freshDatabase() {
        return databases.fresh();
    }

    @AfterAll
    void dropDatabases() {
        databases.close();
    }
}
