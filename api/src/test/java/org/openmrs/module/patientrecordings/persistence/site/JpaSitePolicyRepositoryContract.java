/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.site;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.site.SitePolicyRepository;
import org.openmrs.module.patientrecordings.site.SitePolicyRepositoryContract;

/** The site policy repository contract against {@link JpaSitePolicyRepository} on a real database of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaSitePolicyRepositoryContract extends SitePolicyRepositoryContract {

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
    protected SitePolicyRepository emptyRepository() {
        return new JpaSitePolicyRepository(database.emptied());
    }
}
