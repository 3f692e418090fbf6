/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import static org.openmrs.module.patientrecordings.site.JsonInput.at;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.MissingNoteHandling;
import org.openmrs.module.patientrecordings.policy.NoFilmingArea;
import org.openmrs.module.patientrecordings.policy.NoticeMeans;
import org.openmrs.module.patientrecordings.policy.SecondaryPurposeRule;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.TelephoneNotice;
import org.openmrs.module.patientrecordings.policy.TelephonePolicy;
import org.openmrs.module.patientrecordings.retention.RecordClass;

/**
 * A site policy (POL-1) as JSON, the one shape used by the administration API, the policy file and the diff:
 *
 * <pre>{@code
 * {"site": "riverside", "version": 3,
 *  "allowedKinds": ["CONSULTATION", "CLINICAL_PHOTO"],
 *  "cliniciansMayRecordConsultations": true,
 *  "telephone": {"enabled": true, "purposes": ["QUALITY"],
 *                "notices": [{"means": "RECORDED_MESSAGE", "description": "...", "startedOn": "2025-01-01",
 *                             "endedOn": "2025-06-30"}]},
 *  "noFilmingAreas": [{"code": "RECEPTION", "name": "Reception", "notices": ["Poster at the desk"]}],
 *  "secondaryPurposes": [{"purpose": "RESEARCH", "approverRole": "Caldicott Guardian"}],
 *  "jurisdiction": "ENGLAND", "recordClass": "GP", "missingNote": "BLOCK"}
 * }</pre>
 *
 * Sets are written sorted, so equal policies give equal JSON. {@code followsDefault} and {@code defaultVersion}, which
 * the administration API adds for a site following the server's default policy, are read as informational, like
 * {@code version}. The {@code telephone.purposes} path is the one the
 * rules of {@link org.openmrs.module.patientrecordings.policy.SitePolicyChangePolicy} report (TEL-4).
 */
public final class SitePolicyCodec {

    private static final Set<String> POLICY_FIELDS = Set.of(
            "site",
            "version",
            "followsDefault",
            "defaultVersion",
            "allowedKinds",
            "cliniciansMayRecordConsultations",
            "telephone",
            "noFilmingAreas",
            "secondaryPurposes",
            "jurisdiction",
            "recordClass",
            "missingNote");
    private static final Set<String> TELEPHONE_FIELDS = Set.of("enabled", "purposes", "notices");
    private static final Set<String> NOTICE_FIELDS = Set.of("means", "description", "startedOn", "endedOn");
    private static final Set<String> AREA_FIELDS = Set.of("code", "name", "notices");
    private static final Set<String> PURPOSE_FIELDS = Set.of("purpose", "approverRole");

    /** The JSON of one policy version; never null. */
    public JsonObject write(SitePolicy policy) {
        JsonObject json = new JsonObject();
        json.addProperty("site", policy.site().value());
        json.addProperty("version", policy.version());
        JsonArray kinds = new JsonArray();
        Arrays.stream(RecordingKind.values())
                .filter(policy.allowedKinds()::contains)
                .forEach(k -> kinds.add(k.name()));
        json.add("allowedKinds", kinds);
        json.addProperty("cliniciansMayRecordConsultations", policy.cliniciansMayRecordConsultations());
        json.add("telephone", write(policy.telephone()));
        JsonArray areas = new JsonArray();
        policy.noFilmingAreas().forEach(a -> areas.add(write(a)));
        json.add("noFilmingAreas", areas);
        JsonArray purposes = new JsonArray();
        for (SecondaryPurposeRule rule : policy.secondaryPurposes()) {
            JsonObject p = new JsonObject();
            p.addProperty("purpose", rule.purpose().code());
            if (rule.approverRole() != null) {
                p.addProperty("approverRole", rule.approverRole());
            }
            purposes.add(p);
        }
        json.add("secondaryPurposes", purposes);
        json.addProperty("jurisdiction", policy.jurisdiction());
        json.addProperty("recordClass", policy.recordClass().name());
        json.addProperty("missingNote", policy.missingNote().name());
        return json;
    }

    /** The JSON of a telephone notice (TEL-2); {@code endedOn} only once it ended. */
    public JsonObject write(TelephoneNotice notice) {
        JsonObject n = new JsonObject();
        n.addProperty("means", notice.means().name());
        n.addProperty("description", notice.description());
        n.addProperty("startedOn", notice.startedOn().toString());
        if (notice.endedOn() != null) {
            n.addProperty("endedOn", notice.endedOn().toString());
        }
        return n;
    }

    /** The JSON of a no-filming area with its notices (PAT-3). */
    public JsonObject write(NoFilmingArea area) {
        JsonObject a = new JsonObject();
        a.addProperty("code", area.code());
        a.addProperty("name", area.name());
        JsonArray notices = new JsonArray();
        area.notices().forEach(notices::add);
        a.add("notices", notices);
        return a;
    }

    private JsonObject write(TelephonePolicy telephone) {
        JsonObject t = new JsonObject();
        t.addProperty("enabled", telephone.enabled());
        JsonArray purposes = new JsonArray();
        telephone.declaredPurposes().stream().map(Purpose::code).sorted().forEach(purposes::add);
        t.add("purposes", purposes);
        JsonArray notices = new JsonArray();
        telephone.notices().forEach(n -> notices.add(write(n)));
        t.add("notices", notices);
        return t;
    }

    /**
     * Reads a policy, every problem recorded with its path under {@code path}.
     *
     * @param json the document element
     * @param path where it sits ({@code ""} for the root, {@code sites[2]} in a file)
     * @param site the site it must be for, or null to take it from the {@code site} member
     * @param version the version number to give it (the member {@code version} is informational and ignored)
     * @return the policy, or null when a problem was found
     */
    public SitePolicy read(JsonElement json, String path, SiteId site, int version, JsonInput in) {
        int before = in.count();
        JsonObject o = in.object(json, path);
        if (o == null) {
            return null;
        }
        in.onlyKnown(o, path, POLICY_FIELDS);
        SiteId id = site(o, path, site, in);
        Set<RecordingKind> kinds = kinds(o, path, in);
        Boolean clinicians = in.bool(o, "cliniciansMayRecordConsultations", path);
        JsonObject t = in.object(o.get("telephone"), at(path, "telephone"));
        TelephonePolicy telephone = t == null ? null : telephone(t, at(path, "telephone"), in);
        List<NoFilmingArea> areas = areas(o, path, in);
        List<SecondaryPurposeRule> purposes = secondaryPurposes(o, path, in);
        String jurisdiction = in.text(o, "jurisdiction", path, true);
        RecordClass recordClass = in.enumMember(o, "recordClass", path, RecordClass.class);
        MissingNoteHandling missingNote = in.enumMember(o, "missingNote", path, MissingNoteHandling.class);
        if (in.count() > before) {
            return null;
        }
        return new SitePolicy(
                id, version, kinds, clinicians, telephone, areas, purposes, jurisdiction, recordClass, missingNote);
    }

    /** Reads one telephone notice (TEL-2). */
    public TelephoneNotice readNotice(JsonElement json, String path, JsonInput in) {
        int before = in.count();
        JsonObject n = in.object(json, path);
        if (n == null) {
            return null;
        }
        in.onlyKnown(n, path, NOTICE_FIELDS);
        NoticeMeans means = in.enumMember(n, "means", path, NoticeMeans.class);
        String description = in.text(n, "description", path, true);
        LocalDate started = in.date(n, "startedOn", path, true);
        LocalDate ended = in.date(n, "endedOn", path, false);
        if (started != null && ended != null && ended.isBefore(started)) {
            in.problem(ErrorCode.TEL_2, at(path, "endedOn"), "a notice cannot end before it started");
        }
        return in.count() > before ? null : new TelephoneNotice(means, description, started, ended);
    }

    /** Reads one no-filming area with its notices (PAT-3). */
    public NoFilmingArea readArea(JsonElement json, String path, JsonInput in) {
        int before = in.count();
        JsonObject a = in.object(json, path);
        if (a == null) {
            return null;
        }
        in.onlyKnown(a, path, AREA_FIELDS);
        String code = in.text(a, "code", path, true);
        String name = in.text(a, "name", path, true);
        JsonArray array = in.array(a, "notices", path, true);
        List<String> notices = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                notices.add(in.textElement(array.get(i), at(at(path, "notices"), i)));
            }
            if (array.isEmpty()) {
                in.problem(ErrorCode.PAT_3, at(path, "notices"), "a no-filming area needs a notice announcing it");
            }
        }
        return in.count() > before ? null : new NoFilmingArea(code, name, notices);
    }

    private static SiteId site(JsonObject o, String path, SiteId expected, JsonInput in) {
        String given = in.text(o, "site", path, expected == null);
        if (expected != null) {
            if (given != null && !given.equals(expected.value())) {
                in.problem(at(path, "site"), "the body is for site " + given + ", not " + expected);
            }
            return expected;
        }
        try {
            return given == null ? null : SiteId.of(given);
        } catch (IllegalArgumentException e) {
            in.problem(at(path, "site"), e.getMessage());
            return null;
        }
    }

    private static Set<RecordingKind> kinds(JsonObject o, String path, JsonInput in) {
        JsonArray array = in.array(o, "allowedKinds", path, true);
        Set<RecordingKind> kinds = new HashSet<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                kinds.add(in.enumValue(array.get(i), at(at(path, "allowedKinds"), i), RecordingKind.class));
            }
        }
        return kinds;
    }

    private TelephonePolicy telephone(JsonObject t, String path, JsonInput in) {
        int before = in.count();
        in.onlyKnown(t, path, TELEPHONE_FIELDS);
        Boolean enabled = in.bool(t, "enabled", path);
        Set<Purpose> purposes = new LinkedHashSet<>();
        JsonArray p = in.array(t, "purposes", path, true);
        if (p != null) {
            for (int i = 0; i < p.size(); i++) {
                purposes.add(purpose(p.get(i), at(at(path, "purposes"), i), in));
            }
        }
        List<TelephoneNotice> notices = new ArrayList<>();
        JsonArray n = in.array(t, "notices", path, true);
        if (n != null) {
            for (int i = 0; i < n.size(); i++) {
                notices.add(readNotice(n.get(i), at(at(path, "notices"), i), in));
            }
        }
        return in.count() > before ? null : new TelephonePolicy(enabled, purposes, notices);
    }

    private List<NoFilmingArea> areas(JsonObject o, String path, JsonInput in) {
        JsonArray array = in.array(o, "noFilmingAreas", path, true);
        List<NoFilmingArea> areas = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                String p = at(at(path, "noFilmingAreas"), i);
                NoFilmingArea area = readArea(array.get(i), p, in);
                if (area != null && !codes.add(area.code())) {
                    in.problem(at(p, "code"), "area " + area.code() + " is listed twice");
                }
                areas.add(area);
            }
        }
        return areas;
    }

    private static List<SecondaryPurposeRule> secondaryPurposes(JsonObject o, String path, JsonInput in) {
        JsonArray array = in.array(o, "secondaryPurposes", path, true);
        List<SecondaryPurposeRule> rules = new ArrayList<>();
        Set<Purpose> seen = new HashSet<>();
        if (array == null) {
            return rules;
        }
        for (int i = 0; i < array.size(); i++) {
            String p = at(at(path, "secondaryPurposes"), i);
            JsonObject rule = in.object(array.get(i), p);
            if (rule == null) {
                continue;
            }
            in.onlyKnown(rule, p, PURPOSE_FIELDS);
            Purpose purpose = rule.has("purpose") ? purpose(rule.get("purpose"), at(p, "purpose"), in) : null;
            if (!rule.has("purpose")) {
                in.problem(at(p, "purpose"), "required");
            }
            String approver = in.text(rule, "approverRole", p, false);
            if (purpose == null) {
                continue;
            }
            if (!purpose.secondary()) {
                in.problem(ErrorCode.POL_1, at(p, "purpose"), purpose + " is not a secondary purpose");
            } else if (!seen.add(purpose)) {
                in.problem(at(p, "purpose"), purpose + " is listed twice");
            } else {
                rules.add(new SecondaryPurposeRule(purpose, approver));
            }
        }
        return rules;
    }

    private static Purpose purpose(JsonElement value, String path, JsonInput in) {
        String code = in.textElement(value, path);
        if (code == null) {
            return null;
        }
        try {
            return Purpose.of(code);
        } catch (IllegalArgumentException e) {
            in.problem(path, "a purpose code is upper-case letters, digits and underscores");
            return null;
        }
    }
}
