/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.time.Instant;
import java.util.EnumSet;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.audit.InMemoryAuditLog;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.port.SiteDirectory.Site;
import org.openmrs.module.patientrecordings.retention.InMemoryRetentionScheduleRepository;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRegistry;
import org.openmrs.module.patientrecordings.site.ImportReport;
import org.openmrs.module.patientrecordings.site.InMemorySitePolicyRepository;
import org.openmrs.module.patientrecordings.site.PolicyFileService;
import org.openmrs.module.patientrecordings.site.RetentionScheduleService;
import org.openmrs.module.patientrecordings.site.SitePolicyService;
import org.openmrs.module.patientrecordings.support.FakeSiteDirectory;
import org.openmrs.module.patientrecordings.support.SitePolicyBuilder;
import org.openmrs.module.patientrecordings.support.SwitchableCurrentUser;
import org.openmrs.module.patientrecordings.support.TestClock;

/**
 * POL-2, REC-2: any site policy file is either imported (each site and schedule created, changed or left unchanged)
 * or refused with every problem, the project's own codes at their JSON paths, and nothing applied. Never an
 * unexpected exception. Each input runs against a fresh server: two sites, one with a policy, England's schedule.
 * Seeds: an export of that server, and variants.
 */
class PolicyImportFuzzTest {

    private static final SiteId RIVERSIDE = SiteId.of("riverside-surgery");
    private static final SiteId HILLSIDE = SiteId.of("hillside-clinic");

    @FuzzTest
    void aPolicyFileIsImportedOrRefusedWithNothingApplied(byte[] input) {
        target(input);
    }

    static void target(byte[] input) {
        InMemorySitePolicyRepository repository = new InMemorySitePolicyRepository();
        FakeSiteDirectory sites = new FakeSiteDirectory();
        sites.add(new Site(RIVERSIDE, "Riverside Surgery"));
        sites.add(new Site(HILLSIDE, "Hillside Clinic"));
        repository.add(SitePolicyBuilder.aSitePolicy(RIVERSIDE).build());
        SwitchableCurrentUser user = new SwitchableCurrentUser();
        user.logIn(new Actor(UserId.of("admin"), EnumSet.of(Privilege.MANAGE_POLICY)));
        AccessGuard guard =
                new AccessGuard(user, new InMemoryAuditLog(), new TestClock(Instant.parse("2025-03-10T09:00:00Z")));
        RetentionScheduleRegistry registry =
                RetentionScheduleRegistry.withEnglandDefaults(new InMemoryRetentionScheduleRepository());
        SitePolicyService policies = new SitePolicyService(repository, sites, registry::jurisdictions, guard);
        PolicyFileService files = new PolicyFileService(policies, new RetentionScheduleService(registry, guard), guard);

        try {
            ImportReport report = files.importFile(new StringReader(CleanRefusals.text(input)), false);
            assertThat(report.outcomes()).allSatisfy(o -> assertThat(o.status()).isNotNull());
        } catch (RuleViolationException refused) {
            CleanRefusals.assertNamesItsProblem(refused);
            assertThat(policies.versions(RIVERSIDE)).hasSize(1);
            assertThat(policies.versions(HILLSIDE)).isEmpty();
        }
    }
}
