/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.spring;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.persistence.recording.JpaRecordingRepository;
import org.openmrs.module.patientrecordings.persistence.recording.JpaUploadProgress;
import org.openmrs.module.patientrecordings.recording.UploadProgress;
import org.openmrs.module.patientrecordings.recording.UploadProgressContract;

/**
 * The upload progress contract (races included) against {@link JpaUploadProgress} running in the host's Spring
 * transactions through {@link SpringTransactions}, as it runs inside OpenMRS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpringUploadProgressContract extends UploadProgressContract {

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
    protected UploadProgress emptyProgress() {
        Database emptied = database.emptied();
        if (host == null) {
            host = new HostHibernate(emptied);
        }
        return new JpaUploadProgress(host.transactions());
    }

    @Override
    protected RecordingId newRecording() {
        return new JpaRecordingRepository(host.transactions())
                .save(aRecordingInProgress())
                .id();
    }

    @Override
    protected <T> T inUnitOfWork(Supplier<T> call) {
        return host.transactions().inUnitOfWork(call);
    }
}
