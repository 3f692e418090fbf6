/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.NoFilmingArea;
import org.openmrs.module.patientrecordings.policy.Privileges;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.SitePolicyChangePolicy;
import org.openmrs.module.patientrecordings.policy.TelephoneNotice;
import org.openmrs.module.patientrecordings.policy.TelephonePolicy;
import org.openmrs.module.patientrecordings.port.SiteDirectory;

/**
 * Site recording policies (POL-1): versioned changes, each audited (POL-2). Every change, whole or of one part
 * (a telephone notice, a no-filming area), makes a new version; nothing is edited in place.
 *
 * <p>The {@code basedOn} argument of the changing methods is the version the administrator read (an HTTP
 * {@code If-Match}); when it is not the current version the change is refused with VER-1 and audited. Null means
 * "the current version".
 */
public final class SitePolicyService {

    private final SitePolicyRepository policies;
    private final SiteDirectory sites;
    private final Supplier<Set<String>> knownJurisdictions;
    private final AccessGuard guard;
    private final SitePolicyCodec codec = new SitePolicyCodec();

    /**
     * @param knownJurisdictions the jurisdictions that have a retention schedule (REC-2)
     */
    public SitePolicyService(
            SitePolicyRepository policies, SiteDirectory sites, Set<String> knownJurisdictions, AccessGuard guard) {
        this(policies, sites, fixed(knownJurisdictions), guard);
    }

    /**
     * @param knownJurisdictions the jurisdictions that have a retention schedule, read at every change, for example
     *     {@link org.openmrs.module.patientrecordings.retention.RetentionScheduleRegistry#jurisdictions()} (REC-2)
     */
    public SitePolicyService(
            SitePolicyRepository policies,
            SiteDirectory sites,
            Supplier<Set<String>> knownJurisdictions,
            AccessGuard guard) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.sites = Objects.requireNonNull(sites, "sites");
        this.knownJurisdictions = Objects.requireNonNull(knownJurisdictions, "knownJurisdictions");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    private static Supplier<Set<String>> fixed(Set<String> jurisdictions) {
        Set<String> copy = Set.copyOf(jurisdictions);
        return () -> copy;
    }

    /**
     * The policy governing a site now (POL-1): its own latest version, or else the server's default (whose
     * {@link SitePolicy#isServerDefault()} is then true).
     */
    public SitePolicy inForce(SiteId site) {
        return policies.inForce(site);
    }

    /** The current version of the server's default site policy, which every site without its own follows. */
    public SitePolicy serverDefault() {
        return policies.inForce(SitePolicy.SERVER_DEFAULT);
    }

    /** Whether the host knows the site (a location in OpenMRS). */
    public boolean knownSite(SiteId site) {
        return sites.find(site).isPresent();
    }

    /**
     * The host's sites, with their own policy or not; a host that cannot list its sites answers only those with a
     * policy of their own.
     */
    public List<SiteDirectory.Site> hostSites() {
        return sites.all();
    }

    /**
     * The site's own policy now; NF-1 when it has none (it follows the server's default, {@link #inForce}). For
     * {@link SitePolicy#SERVER_DEFAULT}, the default's current version.
     */
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

    /** Every version of a site's policy, oldest first; empty for a site without one. */
    public List<SitePolicy> versions(SiteId site) {
        return policies.versions(site);
    }

    /** The sites that have a policy, in the order their first version was added. */
    public List<SiteId> sites() {
        return policies.sites();
    }

    /** The jurisdictions that have a retention schedule now (REC-2). */
    public Set<String> jurisdictions() {
        return Set.copyOf(knownJurisdictions.get());
    }

    /**
     * POL-2: what changed from one version to another (either order); NF-1 when either does not exist.
     */
    public PolicyDiff diff(SiteId site, int from, int to) {
        return PolicyDiff.between(version(site, from), version(site, to), codec);
    }

    /**
     * SAF-3: refuses, and audits, a user who may not change site policies, before the change is even read; callers
     * that parse a change first use it so an unprivileged user is told so rather than about their input.
     */
    public void requireMayChange(SiteId site) {
        Actor actor = guard.actor();
        guard.enforce(
                Decision.of(Privileges.check(actor, Privilege.MANAGE_POLICY)),
                Subject.of(actor, AuditAction.POLICY_CHANGE, null, null).withDetail("site " + site + " policy"));
    }

    /**
     * Makes {@code proposed} the site's policy. Its version must be one more than the current one (0 for a new
     * site), so two administrators editing at once cannot overwrite each other (VER-1).
     */
    public SitePolicy change(SitePolicy proposed) {
        Actor actor = guard.actor();
        Subject subject = Subject.of(actor, AuditAction.POLICY_CHANGE, null, null)
                .withDetail("site " + proposed.site() + " policy version " + proposed.version());
        if (!proposed.isServerDefault() && sites.find(proposed.site()).isEmpty()) {
            guard.enforce(
                    RuleViolationException.of(ErrorCode.SAF_4, "Unknown site " + proposed.site(), "site")
                            .decision(),
                    subject);
        }
        int current = policies.current(proposed.site()).map(SitePolicy::version).orElse(0);
        Decision decision = SitePolicyChangePolicy.decide(actor, current, proposed, knownJurisdictions.get(), today());
        guard.enforce(decision, subject);
        SitePolicy saved = policies.add(proposed);
        guard.record(subject);
        return saved;
    }

    /**
     * Replaces the site's policy with {@code content} as its next version (POL-1, POL-2). The version number of
     * {@code content} is ignored.
     *
     * @param basedOn the version the change was made from, or null for the current one (0 for a new site)
     * @throws RuleViolationException VER-1 when {@code basedOn} is not current; the rules of
     *     {@link SitePolicyChangePolicy}; SAF-3 without the policy privilege
     */
    public SitePolicy update(SiteId site, Integer basedOn, SitePolicy content) {
        int from = basedOn != null
                ? basedOn
                : policies.current(site).map(SitePolicy::version).orElse(0);
        return change(numbered(content, site, from + 1));
    }

    /** TEL-2: adds a means of telling callers, with its start date; a new policy version. */
    public SitePolicy addTelephoneNotice(SiteId site, Integer basedOn, TelephoneNotice notice) {
        Objects.requireNonNull(notice, "notice");
        return revise(site, basedOn, p -> {
            List<TelephoneNotice> notices = new ArrayList<>(p.telephone().notices());
            notices.add(notice);
            return withTelephone(p, notices);
        });
    }

    /**
     * TEL-2: records that a notice stopped being used on {@code endedOn}; it stays in the policy as part of the
     * site's record of informing callers. Ending the last notice in use while telephone recording is on is refused
     * (TEL-2).
     *
     * @param index the notice's position in {@code telephone.notices}
     * @throws RuleViolationException NF-1 for no such notice, LIF-1 when it has ended already, SAF-4 for an end
     *     before its start
     */
    public SitePolicy endTelephoneNotice(SiteId site, Integer basedOn, int index, LocalDate endedOn) {
        Objects.requireNonNull(endedOn, "endedOn");
        return revise(site, basedOn, p -> {
            List<TelephoneNotice> notices = new ArrayList<>(p.telephone().notices());
            String at = "telephone.notices[" + index + "]";
            if (index < 0 || index >= notices.size()) {
                throw RuleViolationException.of(ErrorCode.NF_1, "No telephone notice " + index, at);
            }
            TelephoneNotice n = notices.get(index);
            if (n.endedOn() != null) {
                throw RuleViolationException.of(ErrorCode.LIF_1, "The notice ended on " + n.endedOn(), at + ".endedOn");
            }
            if (endedOn.isBefore(n.startedOn())) {
                throw RuleViolationException.of(
                        ErrorCode.SAF_4, "A notice cannot end before it started on " + n.startedOn(), at + ".endedOn");
            }
            notices.set(index, new TelephoneNotice(n.means(), n.description(), n.startedOn(), endedOn));
            return withTelephone(p, notices);
        });
    }

    /** PAT-3: adds a no-filming area, or replaces the area with the same code; a new policy version. */
    public SitePolicy putNoFilmingArea(SiteId site, Integer basedOn, NoFilmingArea area) {
        Objects.requireNonNull(area, "area");
        return revise(site, basedOn, p -> {
            List<NoFilmingArea> areas = new ArrayList<>(p.noFilmingAreas());
            int i = indexOf(areas, area.code());
            if (i < 0) {
                areas.add(area);
            } else {
                areas.set(i, area);
            }
            return withAreas(p, areas);
        });
    }

    /**
     * PAT-3: lifts the no-filming rule for an area from the next version on; earlier versions keep it.
     *
     * @throws RuleViolationException NF-1 when the site has no such area
     */
    public SitePolicy removeNoFilmingArea(SiteId site, Integer basedOn, String code) {
        return revise(site, basedOn, p -> {
            List<NoFilmingArea> areas = new ArrayList<>(p.noFilmingAreas());
            int i = indexOf(areas, code);
            if (i < 0) {
                throw RuleViolationException.of(ErrorCode.NF_1, "No no-filming area " + code, "noFilmingAreas");
            }
            areas.remove(i);
            return withAreas(p, areas);
        });
    }

    /**
     * The reasons {@code proposed} could not become its site's policy, leaving out the actor's privilege and the
     * version number: the checks of a policy file before anything is applied.
     *
     * @param moreJurisdictions jurisdictions that will have a schedule once the same file is applied
     */
    public List<Reason> problemsOf(SitePolicy proposed, Set<String> moreJurisdictions) {
        List<Reason> reasons = new ArrayList<>();
        if (sites.find(proposed.site()).isEmpty()) {
            reasons.add(Reason.error(ErrorCode.SAF_4, "Unknown site " + proposed.site(), "site"));
        }
        Set<String> jurisdictions = new HashSet<>(knownJurisdictions.get());
        jurisdictions.addAll(moreJurisdictions);
        Actor anyone = new Actor(guard.actor().user(), Set.of(Privilege.MANAGE_POLICY));
        int current = proposed.version() - 1;
        SitePolicyChangePolicy.decide(anyone, current, proposed, jurisdictions, today()).reasons().stream()
                .filter(Reason::isError)
                .forEach(reasons::add);
        return reasons;
    }

    /** The same content as the site's next version. */
    static SitePolicy numbered(SitePolicy content, SiteId site, int version) {
        return new SitePolicy(
                site,
                version,
                content.allowedKinds(),
                content.cliniciansMayRecordConsultations(),
                content.telephone(),
                content.noFilmingAreas(),
                content.secondaryPurposes(),
                content.jurisdiction(),
                content.recordClass(),
                content.missingNote());
    }

    /**
     * Applies an edit of one part to the next version. The privilege is checked before anything is looked up, and a
     * refused edit (no such notice, one ended already) is audited like any refusal (SAF-3).
     */
    private SitePolicy revise(SiteId site, Integer basedOn, UnaryOperator<SitePolicy> edit) {
        Actor actor = guard.actor();
        Subject subject =
                Subject.of(actor, AuditAction.POLICY_CHANGE, null, null).withDetail("site " + site + " policy");
        guard.enforce(Decision.of(Privileges.check(actor, Privilege.MANAGE_POLICY)), subject);
        SitePolicy edited;
        try {
            Optional<SitePolicy> own = policies.current(site);
            if (own.isEmpty() && !knownSite(site)) {
                current(site);
            }
            // A site following the default starts its own policy from the default's settings, as its version 1.
            SitePolicy base = own.orElseGet(this::serverDefault);
            int from = basedOn != null ? basedOn : own.map(SitePolicy::version).orElse(0);
            edited = edit.apply(base.as(site, from + 1));
        } catch (RuleViolationException refused) {
            guard.enforce(refused.decision(), subject);
            throw refused;
        }
        return change(edited);
    }

    private static SitePolicy withTelephone(SitePolicy p, List<TelephoneNotice> notices) {
        TelephonePolicy t = p.telephone();
        return new SitePolicy(
                p.site(),
                p.version(),
                p.allowedKinds(),
                p.cliniciansMayRecordConsultations(),
                new TelephonePolicy(t.enabled(), t.declaredPurposes(), notices),
                p.noFilmingAreas(),
                p.secondaryPurposes(),
                p.jurisdiction(),
                p.recordClass(),
                p.missingNote());
    }

    private static SitePolicy withAreas(SitePolicy p, List<NoFilmingArea> areas) {
        return new SitePolicy(
                p.site(),
                p.version(),
                p.allowedKinds(),
                p.cliniciansMayRecordConsultations(),
                p.telephone(),
                areas,
                p.secondaryPurposes(),
                p.jurisdiction(),
                p.recordClass(),
                p.missingNote());
    }

    private static int indexOf(List<NoFilmingArea> areas, String code) {
        for (int i = 0; i < areas.size(); i++) {
            if (areas.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(guard.now(), ZoneOffset.UTC);
    }
}
