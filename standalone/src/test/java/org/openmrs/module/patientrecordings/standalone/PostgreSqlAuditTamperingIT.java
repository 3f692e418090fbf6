/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

/** Audit tampering over HTTP against the standalone server on a fresh PostgreSQL database. */
class PostgreSqlAuditTamperingIT extends AuditTamperingContract {

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
