/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.TestAbortedException;

/**
 * A fresh database on one engine with every entity of the module, for one test class of a repository contract. An
 * unreachable server skips each test with its reason (or fails it under {@value TestDatabase#REQUIRE_VARIABLE}),
 * rather than the class silently.
 */
public final class RepositoryDatabase implements AutoCloseable {

    /** The repositories' tables, children before their parents. */
    private static final List<String> TABLES = List.of(
            "patientrecordings_upload_part",
            "patientrecordings_content_part",
            "patientrecordings_recording_purpose",
            "patientrecordings_recording_staff",
            "patientrecordings_recording_flag",
            "patientrecordings_recording_party",
            "patientrecordings_recording_version",
            "patientrecordings_recording",
            "patientrecordings_consent_kind",
            "patientrecordings_consent_purpose",
            "patientrecordings_consent_audience",
            "patientrecordings_consent_consulted",
            "patientrecordings_consent_event",
            "patientrecordings_consent",
            "patientrecordings_site_policy",
            "patientrecordings_register_recording",
            "patientrecordings_register_entry",
            "patientrecordings_retention_schedule");

    private final TestDatabase testDatabase;
    private final Database database;
    private final String skipped;

    private RepositoryDatabase(TestDatabase testDatabase, Database database, String skipped) {
        this.testDatabase = testDatabase;
        this.database = database;
        this.skipped = skipped;
    }

    /** Creates and opens the database, or remembers why it cannot. */
    public static RepositoryDatabase create(DatabaseEngine engine) {
        TestDatabase created;
        try {
            created = TestDatabase.create(engine);
        } catch (TestAbortedException e) {
            return new RepositoryDatabase(null, null, e.getMessage());
        }
        return new RepositoryDatabase(created, created.open(PersistentRepositories.ENTITIES), null);
    }

    /** @return the open database, after emptying every repository table; skips the test when there is none */
    public Database emptied() {
        Assumptions.assumeTrue(skipped == null, () -> skipped);
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the tables of " + testDatabase, e);
        }
        return database;
    }

    /** Closes and drops the database. */
    @Override
    public void close() {
        if (testDatabase != null) {
            testDatabase.close();
        }
    }
}
