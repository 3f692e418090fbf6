/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

/** Upload abuse on PostgreSQL at 127.0.0.1:5432, a fresh database. */
class PostgreSqlUploadAbuseIT extends UploadAbuseContract {

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
