/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.NoFilmingArea;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.TelephoneNotice;
import org.openmrs.module.patientrecordings.site.JsonInput;
import org.openmrs.module.patientrecordings.site.PolicyDiff;
import org.openmrs.module.patientrecordings.site.SitePolicyCodec;
import org.openmrs.module.patientrecordings.site.SitePolicyService;

/**
 * Site policies (POL-1, POL-2): current, versions, one version, diff, update; telephone notices with their dates
 * (TEL-2, TEL-3) and no-filming areas with their notices (PAT-3), each change a new version. Every response carrying
 * a policy carries its version as {@code ETag}; a change sent with {@code If-Match} is refused with VER-1 (412) when
 * someone changed the policy since.
 */
final class PolicyEndpoints {

    /** Site policies are the administrators': reading them too. */
    private static final Access MANAGE_POLICY = Access.holding(Privilege.MANAGE_POLICY, AuditAction.POLICY_CHANGE);
    /** What a clinician is shown before recording (PAT-3, TEL-2): the sites, their no-filming areas and notices. */
    private static final Access BEFORE_RECORDING = Access.holdingAnyOf(
            Privilege.MANAGE_POLICY, Privilege.CREATE_RECORDINGS, Privilege.MANAGE_CONSENT, Privilege.VIEW_RECORDINGS);

    private final SitePolicyService policies;
    private final Clock clock;
    private final SitePolicyCodec codec = new SitePolicyCodec();

    PolicyEndpoints(SitePolicyService policies, Clock clock) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/default-policy", MANAGE_POLICY, this::defaultPolicy),
                new Route("PUT", "/default-policy", MANAGE_POLICY, this::updateDefault),
                new Route("GET", "/default-policy/versions", MANAGE_POLICY, this::defaultVersions),
                new Route("GET", "/default-policy/versions/{n}", MANAGE_POLICY, this::defaultVersion),
                new Route("GET", "/default-policy/diff", MANAGE_POLICY, this::defaultDiff),
                new Route("GET", "/sites", BEFORE_RECORDING, this::sites),
                new Route("GET", "/sites/{site}/policy", MANAGE_POLICY, this::current),
                new Route("PUT", "/sites/{site}/policy", MANAGE_POLICY, this::update),
                new Route("GET", "/sites/{site}/policy/versions", MANAGE_POLICY, this::versions),
                new Route("GET", "/sites/{site}/policy/versions/{n}", MANAGE_POLICY, this::version),
                new Route("GET", "/sites/{site}/policy/diff", MANAGE_POLICY, this::diff),
                new Route("GET", "/sites/{site}/telephone/notices", BEFORE_RECORDING, this::notices),
                new Route("POST", "/sites/{site}/telephone/notices", MANAGE_POLICY, this::addNotice),
                new Route("POST", "/sites/{site}/telephone/notices/{index}/end", MANAGE_POLICY, this::endNotice),
                new Route("GET", "/sites/{site}/no-filming-areas", BEFORE_RECORDING, this::areas),
                new Route("PUT", "/sites/{site}/no-filming-areas/{code}", MANAGE_POLICY, this::putArea),
                new Route("DELETE", "/sites/{site}/no-filming-areas/{code}", MANAGE_POLICY, this::removeArea));
    }

    /**
     * POL-1: every site the host has and every site with a policy of its own, each saying whether it follows the
     * server's default; a site with its own policy first, in the order their first versions were added.
     */
    private Reply sites(Call call) {
        SitePolicy fallback = policies.serverDefault();
        Map<SiteId, String> names = new LinkedHashMap<>();
        policies.hostSites().forEach(s -> names.put(s.id(), s.name()));
        JsonArray sites = new JsonArray();
        List<SiteId> own = policies.sites();
        for (SiteId site : own) {
            JsonObject s = siteEntry(site, names.get(site));
            s.addProperty("followsDefault", false);
            s.addProperty("version", policies.current(site).version());
            sites.add(s);
        }
        for (Map.Entry<SiteId, String> host : names.entrySet()) {
            if (!own.contains(host.getKey())) {
                JsonObject s = siteEntry(host.getKey(), host.getValue());
                s.addProperty("followsDefault", true);
                s.addProperty("version", 0);
                s.addProperty("defaultVersion", fallback.version());
                sites.add(s);
            }
        }
        JsonObject defaults = new JsonObject();
        defaults.addProperty("version", fallback.version());
        JsonObject body = new JsonObject();
        body.add("defaultPolicy", defaults);
        body.add("sites", sites);
        return Reply.ok(body);
    }

    private static JsonObject siteEntry(SiteId site, String name) {
        JsonObject s = new JsonObject();
        s.addProperty("site", site.value());
        if (name != null) {
            s.addProperty("name", name);
        }
        return s;
    }

    /**
     * The site's own policy, or, for a known site without one, the server's default as that site follows it:
     * {@code followsDefault} true, {@code version} 0 (no version of its own, the ETag a first change is based on)
     * and {@code defaultVersion} the default's version.
     */
    private Reply current(Call call) {
        SiteId site = site(call);
        return followsDefault(site) ? following(site) : policy(policies.current(site));
    }

    private Reply following(SiteId site) {
        SitePolicy fallback = policies.serverDefault();
        JsonObject body = codec.write(fallback);
        body.addProperty("site", site.value());
        body.addProperty("version", 0);
        body.addProperty("followsDefault", true);
        body.addProperty("defaultVersion", fallback.version());
        return Reply.ok(body).tagged(0);
    }

    /** Whether the site follows the server's default: known to the host, with no policy of its own. */
    private boolean followsDefault(SiteId site) {
        return policies.versions(site).isEmpty() && policies.knownSite(site);
    }

    private Reply defaultPolicy(Call call) {
        return defaultDocument(policies.serverDefault());
    }

    private Reply updateDefault(Call call) throws IOException {
        policies.requireMayChange(SitePolicy.SERVER_DEFAULT);
        JsonElement body = call.body();
        if (body.isJsonObject()) {
            body.getAsJsonObject().remove("default");
        }
        SitePolicy content = read(body, SitePolicy.SERVER_DEFAULT);
        return defaultDocument(policies.update(SitePolicy.SERVER_DEFAULT, call.ifMatch(), content));
    }

    private Reply defaultVersions(Call call) {
        JsonArray versions = new JsonArray();
        policies.versions(SitePolicy.SERVER_DEFAULT).forEach(p -> versions.add(asDefault(codec.write(p))));
        JsonObject body = new JsonObject();
        body.addProperty("default", true);
        body.add("versions", versions);
        return Reply.ok(body);
    }

    private Reply defaultVersion(Call call) {
        return defaultDocument(policies.version(SitePolicy.SERVER_DEFAULT, call.pathInt("n")));
    }

    private Reply defaultDiff(Call call) {
        JsonObject body =
                diffDocument(policies.diff(SitePolicy.SERVER_DEFAULT, call.queryInt("from"), call.queryInt("to")));
        return Reply.ok(asDefault(body));
    }

    private Reply defaultDocument(SitePolicy policy) {
        return Reply.ok(asDefault(codec.write(policy))).tagged(policy.version());
    }

    /** The server's default is not a site: its documents say {@code "default": true} instead of naming one. */
    private static JsonObject asDefault(JsonObject document) {
        document.remove("site");
        document.addProperty("default", true);
        return document;
    }

    private Reply update(Call call) throws IOException {
        SiteId site = site(call);
        policies.requireMayChange(site);
        SitePolicy content = read(call.body(), site);
        SitePolicy saved = policies.update(site, call.ifMatch(), content);
        return policy(saved);
    }

    private Reply versions(Call call) {
        SiteId site = site(call);
        List<SitePolicy> all = policies.versions(site);
        boolean followsDefault = all.isEmpty() && policies.knownSite(site);
        if (all.isEmpty() && !followsDefault) {
            policies.current(site);
        }
        JsonArray versions = new JsonArray();
        all.forEach(p -> versions.add(codec.write(p)));
        JsonObject body = new JsonObject();
        body.addProperty("site", site.value());
        body.addProperty("followsDefault", followsDefault);
        body.add("versions", versions);
        return Reply.ok(body);
    }

    private Reply version(Call call) {
        return policy(policies.version(site(call), call.pathInt("n")));
    }

    private Reply diff(Call call) {
        return Reply.ok(diffDocument(policies.diff(site(call), call.queryInt("from"), call.queryInt("to"))));
    }

    private static JsonObject diffDocument(PolicyDiff diff) {
        JsonArray changes = new JsonArray();
        for (PolicyDiff.Change c : diff.changes()) {
            JsonObject change = new JsonObject();
            change.addProperty("path", c.path());
            change.addProperty("kind", c.kind().name());
            if (c.before() != null) {
                change.add("before", c.before());
            }
            if (c.after() != null) {
                change.add("after", c.after());
            }
            changes.add(change);
        }
        JsonObject body = new JsonObject();
        body.addProperty("site", diff.site().value());
        body.addProperty("from", diff.fromVersion());
        body.addProperty("to", diff.toVersion());
        body.add("changes", changes);
        return body;
    }

    private Reply notices(Call call) {
        SiteId site = site(call);
        boolean followsDefault = followsDefault(site);
        SitePolicy policy = followsDefault ? policies.serverDefault().as(site, 1) : policies.current(site);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        JsonArray notices = new JsonArray();
        List<TelephoneNotice> all = policy.telephone().notices();
        for (int i = 0; i < all.size(); i++) {
            JsonObject n = codec.write(all.get(i));
            n.addProperty("index", i);
            n.addProperty("inUse", all.get(i).inUseOn(today));
            notices.add(n);
        }
        int version = followsDefault ? 0 : policy.version();
        JsonObject body = new JsonObject();
        body.addProperty("site", policy.site().value());
        body.addProperty("version", version);
        body.addProperty("followsDefault", followsDefault);
        body.addProperty("enabled", policy.telephone().enabled());
        body.add("notices", notices);
        return Reply.ok(body).tagged(version);
    }

    private Reply addNotice(Call call) throws IOException {
        policies.requireMayChange(site(call));
        List<Reason> problems = new ArrayList<>();
        TelephoneNotice notice = codec.readNotice(call.body(), "", new JsonInput(problems));
        refuseIfAny(problems);
        SitePolicy saved = policies.addTelephoneNotice(site(call), call.ifMatch(), notice);
        return Reply.created(codec.write(saved)).tagged(saved.version());
    }

    private Reply endNotice(Call call) throws IOException {
        policies.requireMayChange(site(call));
        List<Reason> problems = new ArrayList<>();
        JsonInput in = new JsonInput(problems);
        JsonObject body = in.object(call.body(), "");
        LocalDate endedOn = body == null ? null : in.date(body, "endedOn", "", true);
        refuseIfAny(problems);
        return policy(policies.endTelephoneNotice(site(call), call.ifMatch(), call.pathInt("index"), endedOn));
    }

    private Reply areas(Call call) {
        SiteId site = site(call);
        boolean followsDefault = followsDefault(site);
        SitePolicy policy = followsDefault ? policies.serverDefault().as(site, 1) : policies.current(site);
        int version = followsDefault ? 0 : policy.version();
        JsonArray areas = new JsonArray();
        policy.noFilmingAreas().forEach(a -> areas.add(codec.write(a)));
        JsonObject body = new JsonObject();
        body.addProperty("site", policy.site().value());
        body.addProperty("version", version);
        body.addProperty("followsDefault", followsDefault);
        body.add("noFilmingAreas", areas);
        return Reply.ok(body).tagged(version);
    }

    private Reply putArea(Call call) throws IOException {
        policies.requireMayChange(site(call));
        JsonElement body = call.body();
        String code = call.path("code");
        if (body.isJsonObject() && !body.getAsJsonObject().has("code")) {
            body.getAsJsonObject().addProperty("code", code);
        }
        List<Reason> problems = new ArrayList<>();
        JsonInput in = new JsonInput(problems);
        NoFilmingArea area = codec.readArea(body, "", in);
        if (area != null && !area.code().equals(code)) {
            in.problem("code", "the body is for area " + area.code() + ", not " + code);
        }
        refuseIfAny(problems);
        return policy(policies.putNoFilmingArea(site(call), call.ifMatch(), area));
    }

    private Reply removeArea(Call call) {
        return policy(policies.removeNoFilmingArea(site(call), call.ifMatch(), call.path("code")));
    }

    private SitePolicy read(JsonElement body, SiteId site) {
        List<Reason> problems = new ArrayList<>();
        SitePolicy content = codec.read(body, "", site, 1, new JsonInput(problems));
        refuseIfAny(problems);
        return content;
    }

    private Reply policy(SitePolicy policy) {
        return Reply.ok(codec.write(policy)).tagged(policy.version());
    }

    static void refuseIfAny(List<Reason> problems) {
        if (!problems.isEmpty()) {
            throw new RuleViolationException((Decision.Denied) Decision.of(problems));
        }
    }

    private static SiteId site(Call call) {
        return SiteId.of(call.path("site"));
    }
}
