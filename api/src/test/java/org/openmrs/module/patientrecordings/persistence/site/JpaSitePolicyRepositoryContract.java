/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
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

    @Test
    void aVersionAddedInAUnitOfWorkThatRollsBackIsSeenThereAndNeverAfterwards() {
        Database db = database.emptied();
        JpaSitePolicyRepository repository = new JpaSitePolicyRepository(db);
        SiteId site = SiteId.random();
        SitePolicy rolledBack = SitePolicy.serverDefault().as(site, 1);

        assertThatThrownBy(() -> db.runInUnitOfWork(() -> {
                    repository.add(rolledBack);
                    assertThat(repository.version(site, 1)).contains(rolledBack);
                    assertThat(repository.version(site, 1)).contains(rolledBack);
                    throw new IllegalStateException("the unit of work fails after the version was read");
                }))
                .hasMessageContaining("fails after");

        assertThat(repository.version(site, 1)).isEmpty();
        SitePolicy committed = withoutConsultations(rolledBack);
        repository.add(committed);
        assertThat(repository.version(site, 1)).contains(committed);
    }

    @Test
    void aCommittedVersionIsReadFromTheDatabaseOnceAndKept() throws SQLException {
        Database db = database.emptied();
        JpaSitePolicyRepository repository = new JpaSitePolicyRepository(db);
        SiteId site = SiteId.random();
        SitePolicy policy = SitePolicy.serverDefault().as(site, 1);
        repository.add(policy);
        assertThat(repository.version(site, 1)).contains(policy);

        // Versions are never changed (POL-2); a change behind the repository's back shows what it reads again.
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE patientrecordings_site_policy SET clinicians_may_record = ? WHERE site_id = ?")) {
            update.setBoolean(1, !policy.cliniciansMayRecordConsultations());
            update.setString(2, site.value());
            assertThat(update.executeUpdate()).isEqualTo(1);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }

        assertThat(repository.version(site, 1)).contains(policy);
        assertThat(new JpaSitePolicyRepository(db).version(site, 1))
                .hasValueSatisfying(read -> assertThat(read).isNotEqualTo(policy));
    }
}
