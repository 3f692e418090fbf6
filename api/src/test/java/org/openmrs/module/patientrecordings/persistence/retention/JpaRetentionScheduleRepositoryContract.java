/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.retention;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRepository;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRepositoryContract;

/**
 * The retention schedule repository contract against {@link JpaRetentionScheduleRepository} on a real database of
 * its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaRetentionScheduleRepositoryContract extends RetentionScheduleRepositoryContract {

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
    protected RetentionScheduleRepository emptyRepository() {
        return new JpaRetentionScheduleRepository(database.emptied());
    }
}
