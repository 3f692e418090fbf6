/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.recording.RecordingRepositoryContract;

/** The recording repository contract against {@link JpaRecordingRepository} on a real database of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaRecordingRepositoryContract extends RecordingRepositoryContract {

    private RepositoryDatabase database;

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
    protected RecordingRepository emptyRepository() {
        return new JpaRecordingRepository(database.emptied());
    }
}
