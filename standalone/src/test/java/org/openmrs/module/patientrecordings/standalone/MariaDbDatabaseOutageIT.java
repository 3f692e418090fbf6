/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

/** The database outage contract on the MariaDB server at 127.0.0.1. */
class MariaDbDatabaseOutageIT extends DatabaseOutageContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.MARIADB;
    }
}
