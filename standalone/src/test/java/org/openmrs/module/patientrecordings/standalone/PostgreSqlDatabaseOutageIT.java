/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

/** The database outage contract on the PostgreSQL server at 127.0.0.1. */
class PostgreSqlDatabaseOutageIT extends DatabaseOutageContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.POSTGRESQL;
    }
}
