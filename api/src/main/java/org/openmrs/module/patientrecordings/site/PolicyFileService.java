/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import static org.openmrs.module.patientrecordings.site.JsonInput.at;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.Privileges;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.retention.RetentionRuleCodec.Problem;
import org.openmrs.module.patientrecordings.retention.RetentionSchedule;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleCodec;
import org.openmrs.module.patientrecordings.site.ImportReport.Outcome;
import org.openmrs.module.patientrecordings.site.ImportReport.Status;

/**
 * Exports site policies to a file and imports them (POL-2), with the retention schedules they name (REC-2). The
 * file:
 *
 * <pre>{@code
 * {"format": "patientrecordings-site-policies/1",
 *  "exportedAt": "2025-03-10T09:00:00Z",
 *  "retentionSchedules": [{"jurisdiction": "ENGLAND", "classes": {...}}],
 *  "sites": [{"site": "riverside", "version": 3, ...every POL-1 field, as SitePolicyCodec...}]}
 * }</pre>
 *
 * <p>An import is validated as a whole before anything is applied: every problem of every site and schedule is
 * reported with its JSON path ({@code sites[1].telephone.notices[0].startedOn}) and its rule, and nothing is applied
 * unless all is valid. Then each changed schedule and site becomes a new version; one whose content is already in
 * force is skipped, so importing the same file twice changes nothing the second time. The {@code version} members
 * are informational: versions are numbered by the importing server.
 *
 * <p>Applying is all or nothing when the import runs as one unit of work, as every request of the standalone server
 * does ({@code Database.inUnitOfWork}): a version taken meanwhile by a concurrent change (VER-1) on any site or schedule
 * rolls back every version the import added before it. The in-memory stores have no transactions, so there only the
 * validation of the whole file before anything is applied holds.
 */
public final class PolicyFileService {

    /** The format this service writes and reads. */
    public static final String FORMAT = "patientrecordings-site-policies/1";

    private static final Set<String> FILE_FIELDS = Set.of("format", "exportedAt", "retentionSchedules", "sites");

    private final SitePolicyService policies;
    private final RetentionScheduleService schedules;
    private final AccessGuard guard;
    private final SitePolicyCodec codec = new SitePolicyCodec();
    private final RetentionScheduleCodec scheduleCodec = new RetentionScheduleCodec();
    private final Gson gson = new Gson();

    public PolicyFileService(SitePolicyService policies, RetentionScheduleService schedules, AccessGuard guard) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * The current policy of one site, or of every site, with the retention schedules they name.
     *
     * @param site the site, or null for all
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException NF-1 for a site without a policy
     */
    public JsonObject export(SiteId site) {
        Actor actor = guard.actor();
        List<SitePolicy> current = site != null
                ? List.of(policies.current(site))
                : policies.sites().stream()
                        .sorted((a, b) -> a.value().compareTo(b.value()))
                        .map(policies::current)
                        .toList();
        Map<String, RetentionSchedule> inForce = schedules.schedules();
        JsonArray scheduleArray = new JsonArray();
        inForce.forEach((code, schedule) -> {
            if (site == null || current.stream().anyMatch(p -> p.jurisdiction().equals(code))) {
                scheduleArray.add(gson.toJsonTree(scheduleCodec.write(schedule)));
            }
        });
        JsonArray siteArray = new JsonArray();
        current.forEach(p -> siteArray.add(codec.write(p)));
        JsonObject file = new JsonObject();
        file.addProperty("format", FORMAT);
        file.addProperty("exportedAt", guard.now().toString());
        file.add("retentionSchedules", scheduleArray);
        file.add("sites", siteArray);
        guard.record(Subject.of(actor, AuditAction.VIEW, null, null)
                .withDetail("site policies exported" + (site == null ? "" : " for site " + site)));
        return file;
    }

    /**
     * Validates a policy file as a whole, then, unless {@code dryRun}, applies it.
     *
     * @return what was (or would be) created, changed and left unchanged
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException with every problem found (SAF-4
     *     for the file's shape, the rules' own codes for their content, SAF-3 without the policy privilege), nothing
     *     applied; the refusal is audited
     */
    public ImportReport importFile(Reader file, boolean dryRun) {
        Actor actor = guard.actor();
        Subject subject = Subject.of(actor, AuditAction.POLICY_CHANGE, null, null)
                .withDetail(dryRun ? "site policy file checked" : "site policy file imported");
        guard.enforce(Decision.of(Privileges.check(actor, Privilege.MANAGE_POLICY)), subject);
        List<Reason> problems = new ArrayList<>();
        Plan plan = plan(parse(file, problems), problems);
        guard.enforce(Decision.of(problems), subject);
        List<Outcome> outcomes = new ArrayList<>();
        for (RetentionSchedule schedule : plan.schedules()) {
            outcomes.add(apply(schedule, dryRun));
        }
        for (SitePolicy policy : plan.policies()) {
            outcomes.add(apply(policy, dryRun));
        }
        ImportReport report = new ImportReport(dryRun, outcomes);
        if (dryRun) {
            guard.record(subject);
        }
        return report;
    }

    private JsonElement parse(Reader file, List<Reason> problems) {
        try {
            return JsonParser.parseReader(file);
        } catch (JsonParseException e) {
            problems.add(Reason.error(ErrorCode.SAF_4, "Not a JSON document: " + e.getMessage(), ""));
            return null;
        }
    }

    private Plan plan(JsonElement document, List<Reason> problems) {
        JsonInput in = new JsonInput(problems);
        if (document == null) {
            return new Plan(List.of(), List.of());
        }
        JsonObject root = in.object(document, "");
        if (root == null) {
            return new Plan(List.of(), List.of());
        }
        in.onlyKnown(root, "", FILE_FIELDS);
        String format = in.text(root, "format", "", true);
        if (format != null && !format.equals(FORMAT)) {
            in.problem("format", "unsupported format " + format + "; this server reads " + FORMAT);
        }
        List<RetentionSchedule> fileSchedules = readSchedules(root, in, problems);
        Set<String> fileJurisdictions = new HashSet<>();
        fileSchedules.forEach(s -> fileJurisdictions.add(s.jurisdiction().code()));
        List<SitePolicy> filePolicies = readPolicies(root, in, problems, fileJurisdictions);
        return new Plan(fileSchedules, filePolicies);
    }

    private List<RetentionSchedule> readSchedules(JsonObject root, JsonInput in, List<Reason> problems) {
        JsonArray array = in.array(root, "retentionSchedules", "", false);
        List<RetentionSchedule> read = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            String path = at("retentionSchedules", i);
            List<Problem> found = new ArrayList<>();
            RetentionSchedule schedule = scheduleCodec.read(gson.fromJson(array.get(i), Object.class), path, found);
            found.forEach(p -> problems.add(Reason.error(ErrorCode.REC_2, p.message(), p.path())));
            if (schedule != null && !seen.add(schedule.jurisdiction().code())) {
                in.problem(at(path, "jurisdiction"), schedule.jurisdiction() + " is listed twice");
            } else if (schedule != null) {
                read.add(schedule);
            }
        }
        return read;
    }

    private List<SitePolicy> readPolicies(
            JsonObject root, JsonInput in, List<Reason> problems, Set<String> fileJurisdictions) {
        JsonArray array = in.array(root, "sites", "", true);
        List<SitePolicy> read = new ArrayList<>();
        Set<SiteId> seen = new HashSet<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            String path = at("sites", i);
            SitePolicy parsed = codec.read(array.get(i), path, null, 1, in);
            if (parsed == null) {
                continue;
            }
            if (!seen.add(parsed.site())) {
                in.problem(at(path, "site"), "site " + parsed.site() + " is listed twice");
                continue;
            }
            SitePolicy next = SitePolicyService.numbered(parsed, parsed.site(), currentVersion(parsed.site()) + 1);
            for (Reason r : policies.problemsOf(next, fileJurisdictions)) {
                problems.add(new Reason(r.code(), r.severity(), r.message(), prefixed(path, r.location())));
            }
            read.add(next);
        }
        return read;
    }

    private Outcome apply(RetentionSchedule schedule, boolean dryRun) {
        String code = schedule.jurisdiction().code();
        RetentionSchedule inForce = schedules.schedules().get(code);
        int from =
                inForce == null ? 0 : schedules.inForce(schedule.jurisdiction()).version();
        if (schedule.equals(inForce)) {
            return new Outcome("retentionSchedule", code, Status.UNCHANGED, from, from);
        }
        Status status = inForce == null ? Status.CREATED : Status.CHANGED;
        int to = dryRun ? from + 1 : schedules.change(schedule, from).version();
        return new Outcome("retentionSchedule", code, status, from, to);
    }

    private Outcome apply(SitePolicy next, boolean dryRun) {
        String id = next.site().value();
        int from = next.version() - 1;
        if (from > 0
                && SitePolicyService.numbered(policies.current(next.site()), next.site(), next.version())
                        .equals(next)) {
            return new Outcome("site", id, Status.UNCHANGED, from, from);
        }
        Status status = from == 0 ? Status.CREATED : Status.CHANGED;
        int to = dryRun ? next.version() : policies.change(next).version();
        return new Outcome("site", id, status, from, to);
    }

    private int currentVersion(SiteId site) {
        List<SitePolicy> versions = policies.versions(site);
        return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
    }

    private static String prefixed(String path, String location) {
        return location == null || location.isEmpty() ? path : at(path, location);
    }

    /** What a valid file holds, numbered as the next versions. */
    private record Plan(List<RetentionSchedule> schedules, List<SitePolicy> policies) {
        Plan {
            schedules = List.copyOf(schedules);
            policies = List.copyOf(policies);
        }
    }
}
