/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.audit.InMemoryAuditLog;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.persistence.retention.JpaRetentionScheduleRepository;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.port.SiteDirectory.Site;
import org.openmrs.module.patientrecordings.retention.Jurisdiction;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRegistry;
import org.openmrs.module.patientrecordings.site.ImportReport;
import org.openmrs.module.patientrecordings.site.PolicyFileService;
import org.openmrs.module.patientrecordings.site.RetentionScheduleService;
import org.openmrs.module.patientrecordings.site.SitePolicyRepository;
import org.openmrs.module.patientrecordings.site.SitePolicyService;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.FakeSiteDirectory;
import org.openmrs.module.patientrecordings.support.SitePolicyBuilder;
import org.openmrs.module.patientrecordings.support.SwitchableCurrentUser;
import org.openmrs.module.patientrecordings.support.TestClock;

/**
 * POL-2: an import covering several sites is one unit of work on a real database. When the third site's new version
 * is taken by a concurrent change (VER-1), the first two sites and the retention schedule the file changed keep
 * what they had: nothing of the file is applied. A re-import of an applied file creates no version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PolicyImportAtomicityContract {

    private static final List<SiteId> SITES =
            List.of(SiteId.of("first-site"), SiteId.of("second-site"), SiteId.of("third-site"));
    private static final Actor ADMINISTRATOR = new Actor(UserId.of("admin"), EnumSet.of(Privilege.MANAGE_POLICY));

    private RepositoryDatabase created;
    private Database database;
    private JpaSitePolicyRepository stored;
    private RacingRepository racing;
    private PolicyFileService files;

    abstract DatabaseEngine engine();

    @BeforeAll
    void createDatabase() {
        created = RepositoryDatabase.create(engine());
    }

    @AfterAll
    void dropDatabase() {
        created.close();
    }

    @BeforeEach
    void threeSitesWithAPolicy() {
        database = created.emptied();
        stored = new JpaSitePolicyRepository(database);
        racing = new RacingRepository(stored, database);
        FakeSiteDirectory sites = new FakeSiteDirectory();
        SwitchableCurrentUser user = new SwitchableCurrentUser();
        user.logIn(ADMINISTRATOR);
        AccessGuard guard = new AccessGuard(user, new InMemoryAuditLog(), new TestClock(Clinic.OPENING));
        RetentionScheduleRegistry registry =
                RetentionScheduleRegistry.withEnglandDefaults(new JpaRetentionScheduleRepository(database));
        SitePolicyService policies = new SitePolicyService(racing, sites, registry::jurisdictions, guard);
        files = new PolicyFileService(policies, new RetentionScheduleService(registry, guard), guard);
        for (SiteId site : SITES) {
            sites.add(new Site(site, site.value()));
            stored.add(SitePolicyBuilder.aSitePolicy(site).build());
        }
    }

    @Test
    @DisplayName("a VER-1 conflict on the third site leaves the first two sites and the schedule unchanged")
    void aConflictOnTheThirdSiteAppliesNothing() {
        String file = everySiteAndTheScheduleChanged();
        racing.raceOn(SITES.get(2));

        assertThatThrownBy(() -> database.inUnitOfWork(() -> files.importFile(new StringReader(file), false)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons()).extracting(Reason::code).containsExactly(ErrorCode.VER_1));

        assertThat(stored.versions(SITES.get(0))).hasSize(1);
        assertThat(stored.versions(SITES.get(1))).hasSize(1);
        assertThat(stored.versions(SITES.get(2)))
                .as("only the concurrent change's version")
                .hasSize(2);
        assertThat(new JpaRetentionScheduleRepository(database).versions(Jurisdiction.ENGLAND))
                .isEmpty();
    }

    @Test
    @DisplayName("without a conflict every site and the schedule change together; a re-import adds no version")
    void withoutAConflictAllIsAppliedAndAReimportChangesNothing() {
        String file = everySiteAndTheScheduleChanged();

        ImportReport first = database.inUnitOfWork(() -> files.importFile(new StringReader(file), false));
        ImportReport again = database.inUnitOfWork(() -> files.importFile(new StringReader(file), false));

        assertThat(first.outcomes())
                .extracting(ImportReport.Outcome::status)
                .containsOnly(ImportReport.Status.CHANGED)
                .hasSize(4);
        assertThat(again.unchanged()).isTrue();
        SITES.forEach(site -> assertThat(stored.versions(site)).hasSize(2));
        assertThat(new JpaRetentionScheduleRepository(database).versions(Jurisdiction.ENGLAND))
                .hasSize(1);
    }

    /** This server's own export, with the clinicians' permission flipped at every site and maternity kept longer. */
    private String everySiteAndTheScheduleChanged() {
        JsonObject file = files.export(null);
        file.getAsJsonArray("sites").forEach(site -> {
            JsonObject policy = site.getAsJsonObject();
            policy.addProperty(
                    "cliniciansMayRecordConsultations",
                    !policy.get("cliniciansMayRecordConsultations").getAsBoolean());
        });
        JsonObject schedule = file.getAsJsonArray("retentionSchedules").get(0).getAsJsonObject();
        schedule.getAsJsonObject("classes")
                .add("MATERNITY", JsonParser.parseString("{\"rule\":\"yearsAfterLastTreatment\",\"years\":30}"));
        assertThat(file.getAsJsonArray("sites")).hasSize(SITES.size());
        return file.toString();
    }

    /**
     * The database repository, with another administrator who, just before the import adds the next version of one
     * site, commits that version first, in a transaction of their own.
     */
    private static final class RacingRepository implements SitePolicyRepository {
        private final JpaSitePolicyRepository stored;
        private final Database database;
        private SiteId contested;

        RacingRepository(JpaSitePolicyRepository stored, Database database) {
            this.stored = stored;
            this.database = database;
        }

        void raceOn(SiteId site) {
            contested = site;
        }

        @Override
        public Optional<SitePolicy> current(SiteId site) {
            return stored.current(site);
        }

        @Override
        public Optional<SitePolicy> version(SiteId site, int version) {
            return stored.version(site, version);
        }

        @Override
        public List<SitePolicy> versions(SiteId site) {
            return stored.versions(site);
        }

        @Override
        public List<SiteId> sites() {
            return stored.sites();
        }

        @Override
        public SitePolicy add(SitePolicy policy) {
            if (policy.site().equals(contested)) {
                contested = null;
                database.inTransaction(entityManager -> stored.add(SitePolicyBuilder.aSitePolicy(policy.site())
                        .version(policy.version())
                        .build()));
            }
            return stored.add(policy);
        }
    }
}
