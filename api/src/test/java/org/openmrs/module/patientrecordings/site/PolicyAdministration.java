/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.audit.InMemoryAuditLog;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.port.SiteDirectory.Site;
import org.openmrs.module.patientrecordings.retention.InMemoryRetentionScheduleRepository;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRegistry;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.FakeSiteDirectory;
import org.openmrs.module.patientrecordings.support.SitePolicyBuilder;
import org.openmrs.module.patientrecordings.support.SwitchableCurrentUser;
import org.openmrs.module.patientrecordings.support.TestClock;

/**
 * One server's policy administration over in-memory stores: two sites (Riverside Surgery with a policy, Hillside
 * Clinic without), the England schedule shipped, an administrator logged in. A new one per test.
 */
final class PolicyAdministration {

    static final SiteId RIVERSIDE = SiteId.of("riverside-surgery");
    static final SiteId HILLSIDE = SiteId.of("hillside-clinic");
    static final Actor ADMINISTRATOR = new Actor(UserId.of("admin"), EnumSet.of(Privilege.MANAGE_POLICY));
    static final Actor CLINICIAN =
            new Actor(UserId.of("clinician"), EnumSet.of(Privilege.VIEW_RECORDINGS, Privilege.CREATE_RECORDINGS));

    final TestClock clock = new TestClock(Clinic.OPENING);
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final SwitchableCurrentUser user = new SwitchableCurrentUser();
    final FakeSiteDirectory sites = new FakeSiteDirectory();
    final InMemorySitePolicyRepository repository = new InMemorySitePolicyRepository();
    final RetentionScheduleRegistry registry =
            RetentionScheduleRegistry.withEnglandDefaults(new InMemoryRetentionScheduleRepository());
    final AccessGuard guard = new AccessGuard(user, audit, clock);
    final SitePolicyService policies = new SitePolicyService(repository, sites, registry::jurisdictions, guard);
    final RetentionScheduleService schedules = new RetentionScheduleService(registry, guard);
    final PolicyFileService files = new PolicyFileService(policies, schedules, guard);

    PolicyAdministration() {
        sites.add(new Site(RIVERSIDE, "Riverside Surgery"));
        sites.add(new Site(HILLSIDE, "Hillside Clinic"));
        repository.add(SitePolicyBuilder.aSitePolicy(RIVERSIDE).build());
        user.logIn(ADMINISTRATOR);
    }

    SitePolicy riverside() {
        return policies.current(RIVERSIDE);
    }

    List<AuditEntry> auditTrail() {
        List<AuditEntry> all = new ArrayList<>();
        audit
                .search(AuditQuery.all().ordered(AuditQuery.Order.OLDEST_FIRST).page(0, AuditQuery.MAX_LIMIT))
                .entries()
                .stream()
                .map(StoredAuditEntry::entry)
                .forEach(all::add);
        return all;
    }
}
