/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.spring;

import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.persistence.recording.JpaRecordingRepository;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.recording.RecordingRepositoryContract;

/**
 * The recording repository contract (VER-1 races included) against {@link JpaRecordingRepository} running in the
 * host's Spring transactions through {@link SpringTransactions}, as it runs inside OpenMRS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpringRecordingRepositoryContract extends RecordingRepositoryContract {

    private RepositoryDatabase database;
    private HostHibernate host;

    abstract DatabaseEngine engine();

    @BeforeAll
    void createDatabase() {
        database = RepositoryDatabase.create(engine());
    }

    @AfterAll
    void dropDatabase() {
        if (host != null) {
            host.close();
        }
        database.close();
    }

    @Override
    protected RecordingRepository emptyRepository(Clock clock) {
        Database emptied = database.emptied();
        if (host == null) {
            host = new HostHibernate(emptied);
        }
        return new JpaRecordingRepository(host.transactions(), clock);
    }
}
