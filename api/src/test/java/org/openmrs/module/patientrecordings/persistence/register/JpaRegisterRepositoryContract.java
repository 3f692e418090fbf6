/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.register;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.register.RegisterRepository;
import org.openmrs.module.patientrecordings.register.RegisterRepositoryContract;

/** The register repository contract against {@link JpaRegisterRepository} on a real database of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaRegisterRepositoryContract extends RegisterRepositoryContract {

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
    protected RegisterRepository emptyRepository() {
        return new JpaRegisterRepository(database.emptied());
    }
}
