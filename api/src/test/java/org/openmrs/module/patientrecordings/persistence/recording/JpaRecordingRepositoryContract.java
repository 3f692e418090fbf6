/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;
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

    /**
     * A list's rows are mapped and let go: a unit of work that lists recordings keeps none of their rows, so its later
     * statements and its commit do not check them for changes to flush.
     */
    @Test
    void aListLeavesNoRowInTheUnitOfWork() {
        Recording flagged = recordings.save(aConsultation().build().flagged(RecordingFlag.NOTE_MISSING));
        recordings.save(aConsultation().build());
        PatientId patient = flagged.patient();

        List<Integer> managed = emptied.inUnitOfWork(() -> {
            int listed = recordings.findByPatient(patient).size();
            int afterPatient = managedRows();
            recordings.findFlagged(RecordingFlag.NOTE_MISSING);
            int afterFlagged = managedRows();
            recordings.findAll(0, 10);
            return List.of(listed, afterPatient, afterFlagged, managedRows());
        });

        assertThat(managed).containsExactly(2, 0, 0, 0);
    }

    /** A recording saved in a unit of work, listed, and saved again in it keeps both changes and both versions. */
    @Test
    void aRecordingSavedBeforeAListInTheSameUnitOfWorkIsSavedAgainAfterIt() {
        Recording stored = recordings.save(aConsultation().build());

        Recording last = emptied.inUnitOfWork(() -> {
            Recording started = recordings.save(stored.withState(RecordingState.IN_PROGRESS));
            assertThat(recordings.findByPatient(stored.patient())).containsExactly(started);
            return recordings.save(started.flagged(RecordingFlag.NOTE_MISSING));
        });

        assertThat(last.state()).isEqualTo(RecordingState.IN_PROGRESS);
        assertThat(last.flags()).contains(RecordingFlag.NOTE_MISSING);
        assertThat(recordings.find(stored.id())).contains(last);
        assertThat(storedVersions(stored.id())).isEqualTo(3);
    }

    private int managedRows() {
        return emptied.inCurrentTransaction(entityManager ->
                entityManager.unwrap(Session.class).getStatistics().getEntityCount());
    }
}
