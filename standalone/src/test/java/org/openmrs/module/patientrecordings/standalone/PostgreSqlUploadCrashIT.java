/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.DatabaseSettings;
import org.openmrs.module.patientrecordings.persistence.TestDatabase;

/** {@link UploadCrashContract} on PostgreSQL at 127.0.0.1:5432 (trust authentication), a fresh database. */
class PostgreSqlUploadCrashIT extends UploadCrashContract {

    private TestDatabase database;

    @Override
    protected DatabaseSettings database(Path dataDir) {
        database = TestDatabase.create(DatabaseEngine.POSTGRESQL);
        return database.settings();
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
