/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A small updatable row for tests of the persistence conventions; its table exists only in test databases. */
@Entity
@Table(name = "patientrecordings_test_note")
public class TestNote extends VersionedEntity {

    /** The entities a test database opens with: the module's own plus this one. */
    public static final List<Class<?>> ENTITIES = List.of(TestNote.class, IdempotencyRecord.class);

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "text", length = 255)
    private String text;

    protected TestNote() {}

    public TestNote(String id, String text) {
        this.id = id;
        this.text = text;
    }

    public String id() {
        return id;
    }

    public String text() {
        return text;
    }

    public void rewrite(String newText) {
        this.text = newText;
    }

    /** Creates the table with portable DDL, before the database is opened and validated. */
    public static void createTable(TestDatabase database) {
        try (Connection connection = DriverManager.getConnection(
                        database.settings().jdbcUrl(),
                        database.settings().user(),
                        database.settings().password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE patientrecordings_test_note (id VARCHAR(36) NOT NULL PRIMARY KEY,"
                    + " text VARCHAR(255), version BIGINT NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test note table in " + database, e);
        }
    }
}
