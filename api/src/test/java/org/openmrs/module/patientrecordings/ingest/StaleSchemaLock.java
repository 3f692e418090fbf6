/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Liquibase's changelog lock left held by a process killed while it migrated or checked the schema. For an embedded
 * H2 file database, which one process at a time can open, any lock found before opening is stale, and the schema
 * migration releases it when the database opens; this only counts them.
 */
final class StaleSchemaLock {

    private static final String TABLE = "DATABASECHANGELOGLOCK";

    private StaleSchemaLock() {}

    /**
     * Whether a changelog lock is held in the H2 database at {@code jdbcUrl}, which no process has open.
     *
     * @return whether a lock was held
     */
    static boolean held(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, TABLE, null)) {
                if (!tables.next()) {
                    return false;
                }
            }
            try (Statement statement = connection.createStatement();
                    ResultSet held = statement.executeQuery("SELECT COUNT(*) FROM " + TABLE + " WHERE LOCKED = TRUE")) {
                return held.next() && held.getLong(1) > 0;
            }
        }
    }
}
