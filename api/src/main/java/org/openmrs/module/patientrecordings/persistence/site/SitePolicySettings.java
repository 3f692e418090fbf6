/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.site;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.policy.NoFilmingArea;
import org.openmrs.module.patientrecordings.policy.NoticeMeans;
import org.openmrs.module.patientrecordings.policy.SecondaryPurposeRule;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.TelephoneNotice;

/**
 * The JSON document of a policy version's lists and sets, written member by member (never by reflection over the
 * domain records, so that renaming a field cannot silently change the stored format). Format 1:
 *
 * <pre>{@code
 * {"format": 1,
 *  "allowedKinds": ["CONSULTATION", ...],
 *  "declaredCallPurposes": ["QUALITY", ...],
 *  "callNotices": [{"means": "WEBSITE", "description": "...", "startedOn": "2026-01-01", "endedOn": null}],
 *  "noFilmingAreas": [{"code": "RECEPTION", "name": "...", "notices": ["..."]}],
 *  "secondaryPurposes": [{"purpose": "TRAINING", "approverRole": "Caldicott Guardian"}]}
 * }</pre>
 *
 * Sets are written sorted, so that equal policies give equal documents; absent members read as null.
 */
final class SitePolicySettings {

    static final int FORMAT = 1;

    private static final Gson GSON = new Gson();

    /** The lists and sets of a policy, as read back. */
    record Parts(
            List<RecordingKind> allowedKinds,
            List<Purpose> declaredCallPurposes,
            List<TelephoneNotice> callNotices,
            List<NoFilmingArea> noFilmingAreas,
            List<SecondaryPurposeRule> secondaryPurposes) {}

    private SitePolicySettings() {}

    static String write(SitePolicy policy) {
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        json.add("allowedKinds", sorted(policy.allowedKinds(), RecordingKind::name));
        json.add("declaredCallPurposes", sorted(policy.telephone().declaredPurposes(), Purpose::code));
        JsonArray notices = new JsonArray();
        for (TelephoneNotice notice : policy.telephone().notices()) {
            JsonObject n = new JsonObject();
            n.addProperty("means", notice.means().name());
            n.addProperty("description", notice.description());
            n.addProperty("startedOn", notice.startedOn().toString());
            n.addProperty(
                    "endedOn",
                    notice.endedOn() == null ? null : notice.endedOn().toString());
            notices.add(n);
        }
        json.add("callNotices", notices);
        JsonArray areas = new JsonArray();
        for (NoFilmingArea area : policy.noFilmingAreas()) {
            JsonObject a = new JsonObject();
            a.addProperty("code", area.code());
            a.addProperty("name", area.name());
            JsonArray areaNotices = new JsonArray();
            area.notices().forEach(areaNotices::add);
            a.add("notices", areaNotices);
            areas.add(a);
        }
        json.add("noFilmingAreas", areas);
        JsonArray secondary = new JsonArray();
        for (SecondaryPurposeRule rule : policy.secondaryPurposes()) {
            JsonObject r = new JsonObject();
            r.addProperty("purpose", rule.purpose().code());
            r.addProperty("approverRole", rule.approverRole());
            secondary.add(r);
        }
        json.add("secondaryPurposes", secondary);
        return GSON.toJson(json);
    }

    /**
     * @throws IllegalArgumentException when the document is not of a format this version reads
     */
    static Parts read(String document) {
        JsonObject json = JsonParser.parseString(document).getAsJsonObject();
        int format = json.get("format").getAsInt();
        if (format != FORMAT) {
            throw new IllegalArgumentException("site policy settings of format " + format + " cannot be read");
        }
        return new Parts(
                list(json, "allowedKinds", e -> RecordingKind.valueOf(e.getAsString())),
                list(json, "declaredCallPurposes", e -> new Purpose(e.getAsString())),
                list(json, "callNotices", e -> notice(e.getAsJsonObject())),
                list(json, "noFilmingAreas", e -> area(e.getAsJsonObject())),
                list(json, "secondaryPurposes", e -> {
                    JsonObject r = e.getAsJsonObject();
                    return new SecondaryPurposeRule(new Purpose(string(r, "purpose")), string(r, "approverRole"));
                }));
    }

    private static TelephoneNotice notice(JsonObject n) {
        String endedOn = string(n, "endedOn");
        return new TelephoneNotice(
                NoticeMeans.valueOf(string(n, "means")),
                string(n, "description"),
                LocalDate.parse(string(n, "startedOn")),
                endedOn == null ? null : LocalDate.parse(endedOn));
    }

    private static NoFilmingArea area(JsonObject a) {
        return new NoFilmingArea(string(a, "code"), string(a, "name"), list(a, "notices", JsonElement::getAsString));
    }

    private static <T> JsonArray sorted(Collection<T> values, Function<T, String> code) {
        JsonArray array = new JsonArray();
        values.stream().map(code).sorted().forEach(array::add);
        return array;
    }

    private static <T> List<T> list(JsonObject json, String member, Function<JsonElement, T> read) {
        JsonElement array = json.get(member);
        if (array == null || array.isJsonNull()) {
            return List.of();
        }
        return StreamSupport.stream(array.getAsJsonArray().spliterator(), false)
                .map(read)
                .collect(Collectors.toList());
    }

    private static String string(JsonObject json, String member) {
        JsonElement value = json.get(member);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
