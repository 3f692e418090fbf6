/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

/** Audit tampering over HTTP against the standalone server on a fresh MariaDB database. */
class MariaDbAuditTamperingIT extends AuditTamperingContract {

    private final ServerDatabases databases = new ServerDatabases(DatabaseEngine.MARIADB);

    @Override
    protected List<String> freshDatabase() {
        return databases.fresh();
    }

    @AfterAll
    void dropDatabases() {
        databases.close();
    }
}
