/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the database for a valid connection and the content backend whether a key exists; a part that throws is
 * down. Each call probes afresh.
 */
public final class HealthProbe implements Supplier<Health> {

    private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);
    private static final String PROBE_KEY = "health/probe";

    private final Database database;
    private final ContentBackend content;
    private final String version;

    public HealthProbe(Database database, ContentBackend content, String version) {
        this.database = Objects.requireNonNull(database, "database");
        this.content = Objects.requireNonNull(content, "content");
        this.version = Objects.requireNonNull(version, "version");
    }

    @Override
    public Health get() {
        return new Health(databaseAnswers(), storeAnswers(), version);
    }

    private boolean databaseAnswers() {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("event=health_database_down reason={}", e.getClass().getSimpleName());
            return false;
        }
    }

    private boolean storeAnswers() {
        try {
            content.exists(PROBE_KEY);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=health_store_down reason={}", e.getClass().getSimpleName());
            return false;
        }
    }
}
