/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

/** Upload abuse on MariaDB at 127.0.0.1:3306, a fresh database. */
class MariaDbUploadAbuseIT extends UploadAbuseContract {

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
