/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.patientrecordings.persistence.audit.JpaAuditLog;

/** Start-up of the database: the one changelog, the validated mappings, the transaction helper. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseIT {

    private final TestDatabases databases = new TestDatabases();

    @AfterAll
    void dropDatabases() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void openingAgainFindsTheSchemaUpToDateAndRunsNoChangeSetTwice(DatabaseEngine engine) throws SQLException {
        databases.open(engine);

        try (Database again = Database.open(databases.created(engine).settings(), TestNote.ENTITIES);
                Connection connection = again.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet changeSets = statement.executeQuery(
                        "SELECT COUNT(*), COUNT(DISTINCT id) FROM DATABASECHANGELOG WHERE author = 'patientrecordings'")) {
            changeSets.next();
            assertThat(changeSets.getInt(1)).isEqualTo(changeSets.getInt(2)).isEqualTo(changeSetsOfTheChangelog());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void recordingsSavedBeforeVersionsWereKeptGetTheirEndOrStartAsLastChangeTime(DatabaseEngine engine)
            throws SQLException {
        try (TestDatabase old = TestDatabase.create(engine)) {
            old.open(List.of()).close();
            try (Connection connection = DriverManager.getConnection(
                            old.settings().jdbcUrl(),
                            old.settings().user(),
                            old.settings().password());
                    Statement statement = connection.createStatement()) {
                // The schema as it was before the versions change set: without its table and columns.
                statement.execute("DROP TABLE patientrecordings_recording_version");
                for (String column : List.of("last_updated", "identifier_system", "identifier_value")) {
                    statement.execute("ALTER TABLE patientrecordings_recording DROP COLUMN " + column);
                }
                statement.executeUpdate("DELETE FROM DATABASECHANGELOG WHERE id = "
                        + "'patientrecordings-20261121-8-recording-versions'");
                for (String[] row : List.of(
                        new String[] {"ended", "'2026-03-02 09:00:00.000001'", "'2026-03-02 09:20:00.000002'"},
                        new String[] {"running", "'2026-03-02 10:00:00.000003'", "NULL"})) {
                    statement.executeUpdate("INSERT INTO patientrecordings_recording (recording_id, patient_id,"
                            + " site_id, policy_version, recording_kind, media_type, initiator, recording_mode,"
                            + " operator_id, recording_state, started_at, ended_at, third_parties_captured, version)"
                            + " VALUES ('" + row[0] + "', 'p', 's', 1, 'CONSULTATION', 'AUDIO', 'CLINICIAN',"
                            + " 'OVERT', 'u', 'COMPLETED', " + row[1] + ", " + row[2] + ", FALSE, 3)");
                }
            }

            try (Database migrated = Database.open(old.settings(), List.of());
                    Connection connection = migrated.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT recording_id, last_updated, identifier_value"
                            + " FROM patientrecordings_recording ORDER BY recording_id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("ended");
                assertThat(rows.getTimestamp(2).toLocalDateTime()).hasToString("2026-03-02T09:20:00.000002");
                assertThat(rows.getString(3)).isNull();
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("running");
                assertThat(rows.getTimestamp(2).toLocalDateTime()).hasToString("2026-03-02T10:00:00.000003");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void aTransactionWhoseWorkThrowsIsRolledBack(DatabaseEngine engine) {
        Database database = databases.open(engine);
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> database.runInTransaction(entityManager -> {
                    entityManager.persist(new TestNote(id, "half-written"));
                    entityManager.flush();
                    throw new IllegalStateException("the work failed");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the work failed");
        TestNote afterRollback = database.inTransaction(entityManager -> entityManager.find(TestNote.class, id));
        assertThat(afterRollback).isNull();
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void aSchemaThatNoLongerMatchesTheMappingsIsRefusedAtStart(DatabaseEngine engine) throws SQLException {
        try (TestDatabase drifted = TestDatabase.create(engine)) {
            drifted.open(JpaAuditLog.ENTITIES).close();
            try (Connection connection = DriverManager.getConnection(
                            drifted.settings().jdbcUrl(),
                            drifted.settings().user(),
                            drifted.settings().password());
                    Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE patientrecordings_audit_entry DROP COLUMN detail");
            }

            assertThatThrownBy(() -> Database.open(drifted.settings(), JpaAuditLog.ENTITIES))
                    .isInstanceOf(DatabaseStartException.class)
                    .hasMessageContaining("does not match the entity mappings");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void everyTableOfTheChangelogCarriesTheModulePrefix(DatabaseEngine engine) throws SQLException {
        Database database = databases.open(engine);
        List<String> expected = List.of(
                "patientrecordings_audit_entry",
                "patientrecordings_audit_head",
                "patientrecordings_idempotency",
                "patientrecordings_recording",
                "patientrecordings_recording_purpose",
                "patientrecordings_recording_staff",
                "patientrecordings_recording_flag",
                "patientrecordings_recording_party",
                "patientrecordings_recording_version",
                "patientrecordings_consent",
                "patientrecordings_consent_kind",
                "patientrecordings_consent_purpose",
                "patientrecordings_consent_audience",
                "patientrecordings_consent_consulted",
                "patientrecordings_consent_event",
                "patientrecordings_site_policy",
                "patientrecordings_register_entry",
                "patientrecordings_register_recording",
                "patientrecordings_retention_schedule");

        try (Connection connection = database.dataSource().getConnection()) {
            for (String table : expected) {
                try (ResultSet found = connection
                        .getMetaData()
                        .getTables(connection.getCatalog(), null, tableNameAsStored(connection, table), null)) {
                    assertThat(found.next()).as(table).isTrue();
                }
            }
        }
    }

    private static String tableNameAsStored(Connection connection, String table) throws SQLException {
        return connection.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    /** How many changeSets the module's changelog declares: each must have run exactly once. */
    private static int changeSetsOfTheChangelog() {
        return ChangelogFiles.changeSets();
    }
}
