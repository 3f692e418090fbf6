/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.openmrs.module.patientrecordings.persistence.DatabaseSettings;
import org.openmrs.module.patientrecordings.persistence.DatabaseStartException;
import org.openmrs.module.patientrecordings.persistence.SchemaMigration;

/**
 * The host tables' own Liquibase changelog ({@value #CHANGELOG}), applied before the module's {@code Database}
 * opens, so that its schema validation finds the host tables too. OpenMRS never runs this changelog: there, the
 * host's own tables play these parts.
 */
public final class HostSchema {

    /** The class path resource of the host changelog. */
    public static final String CHANGELOG = "org/openmrs/module/patientrecordings/standalone/host/changelog.xml";

    private HostSchema() {}

    /**
     * Applies every changeSet of the host changelog not yet applied, under Liquibase's lock, on a connection of its
     * own that is closed again.
     *
     * @throws DatabaseStartException when the database cannot be reached or migrated
     */
    public static void migrate(DatabaseSettings settings) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        } catch (SQLException e) {
            // What the driver says is what the operator must fix: a missing role or database, a wrong password.
            throw new DatabaseStartException(
                    "cannot connect to " + settings.jdbcUrl() + " as " + settings.user() + ": " + e.getMessage(), e);
        }
        try (connection) {
            SchemaMigration.migrate(connection, CHANGELOG, HostSchema.class.getClassLoader());
        } catch (Exception e) {
            throw new DatabaseStartException("cannot migrate the host tables of " + settings + " with " + CHANGELOG, e);
        }
    }
}
