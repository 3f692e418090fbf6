/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.SitePolicyChangePolicy;
import org.openmrs.module.patientrecordings.port.SiteDirectory;

/** Site recording policies (POL-1): versioned changes, each audited (POL-2). */
public final class SitePolicyService {

    private final SitePolicyRepository policies;
    private final SiteDirectory sites;
    private final Set<String> knownJurisdictions;
    private final AccessGuard guard;

    /**
     * @param knownJurisdictions the jurisdictions that have a retention schedule (REC-2)
     */
    public SitePolicyService(
            SitePolicyRepository policies, SiteDirectory sites, Set<String> knownJurisdictions, AccessGuard guard) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.sites = Objects.requireNonNull(sites, "sites");
        this.knownJurisdictions = Set.copyOf(knownJurisdictions);
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** The policy in force at a site; NF-1 when the site has none. */
    public SitePolicy current(SiteId site) {
        return policies.current(site)
                .orElseThrow(() ->
                        RuleViolationException.of(ErrorCode.NF_1, "Site " + site + " has no recording policy", "site"));
    }

    /** One version of a site's policy; NF-1 when it does not exist. */
    public SitePolicy version(SiteId site, int version) {
        return policies.version(site, version)
                .orElseThrow(() -> RuleViolationException.of(
                        ErrorCode.NF_1, "Site " + site + " has no policy version " + version, "version"));
    }

    public List<SitePolicy> versions(SiteId site) {
        return policies.versions(site);
    }

    /**
     * Makes {@code proposed} the site's policy. Its version must be one more than the current one (0 for a new
     * site), so two administrators editing at once cannot overwrite each other (VER-1).
     */
    public SitePolicy change(SitePolicy proposed) {
        Actor actor = guard.actor();
        Subject subject = Subject.of(actor, AuditAction.POLICY_CHANGE, null, null)
                .withDetail("site " + proposed.site() + " policy version " + proposed.version());
        if (sites.find(proposed.site()).isEmpty()) {
            guard.enforce(
                    RuleViolationException.of(ErrorCode.SAF_4, "Unknown site " + proposed.site(), "site")
                            .decision(),
                    subject);
        }
        int current = policies.current(proposed.site()).map(SitePolicy::version).orElse(0);
        LocalDate today = LocalDate.ofInstant(guard.now(), ZoneOffset.UTC);
        Decision decision = SitePolicyChangePolicy.decide(actor, current, proposed, knownJurisdictions, today);
        guard.enforce(decision, subject);
        SitePolicy saved = policies.add(proposed);
        guard.record(subject);
        return saved;
    }
}
