/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.recording.RecordingRepositoryContract;

/** The recording repository contract against {@link JpaRecordingRepository} on a real database of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaRecordingRepositoryContract extends RecordingRepositoryContract {

    private RepositoryDatabase database;
    private Database emptied;

    abstract DatabaseEngine engine();

    @BeforeAll
    void createDatabase() {
        database = RepositoryDatabase.create(engine());
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Override
    protected RecordingRepository emptyRepository(Clock clock) {
        emptied = database.emptied();
        return new JpaRecordingRepository(emptied, clock);
    }

    /** Counts the rows of the history table itself, so that a stray row cannot hide behind the query. */
    @Override
    protected long storedVersions(RecordingId id) {
        try (Connection connection = emptied.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM patientrecordings_recording_version WHERE recording_id = ?")) {
            statement.setString(1, id.value());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the versions of " + id, e);
        }
    }
}
