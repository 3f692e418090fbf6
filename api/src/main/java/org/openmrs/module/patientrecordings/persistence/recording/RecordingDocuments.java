/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.DeIdentification;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.MediaType;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CallContext.CallType;
import org.openmrs.module.patientrecordings.recording.CallDetails;
import org.openmrs.module.patientrecordings.recording.CapturedParty;
import org.openmrs.module.patientrecordings.recording.RecordedContent;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;
import org.openmrs.module.patientrecordings.recording.RecordingIdentifier;
import org.openmrs.module.patientrecordings.recording.SharedCopy;

/**
 * The JSON document of one version of a recording, as {@code patientrecordings_recording_version} keeps it. Written
 * member by member, never by reflection, so that renaming a field cannot silently change the stored form:
 *
 * <ul>
 *   <li>{@code format}: 1, the version of this layout;
 *   <li>ids and texts as strings: {@code id, patient, encounter, site, operator, consent, derivativeOf,
 *       defenceReason, voidReason, declaredContentType, areaCode} (the last two absent from versions saved before
 *       they existed);
 *   <li>{@code policyVersion} a number; {@code thirdPartiesCaptured} a boolean; {@code defaultPolicy} a boolean,
 *       present only when true (versions saved before it existed were all under a site's own policy);
 *   <li>enums by name: {@code kind, mediaType, initiator, mode, state, deIdentification} (the last only for a
 *       derivative; one saved before it existed reads as {@code ANONYED}, as it was shown); {@code purposes} (codes, sorted),
 *       {@code flags} (names, sorted) and {@code staffPresent} (in order) as arrays of strings;
 *   <li>instants in ISO-8601 UTC: {@code startedAt, endedAt}; dates as ISO-8601: {@code retentionUntil};
 *   <li>{@code thirdParties}: an array of {@code {role, id, name, consented}} (STF-2), absent when none and from
 *       versions saved before it existed, which {@code thirdPartiesCaptured} alone then describes;
 *   <li>nested objects: {@code content {key, contentType, size, sha256, sha1}}, {@code call {type,
 *       explicitNoticeGiven}}, {@code sharedCopy {receivedOn, howObtained}}, {@code identifier {system, value}}.
 * </ul>
 *
 * An absent value is an absent member. The version and the last-change time are columns of the row, not members.
 */
final class RecordingDocuments {

    static final int FORMAT = 1;

    private RecordingDocuments() {}

    static String write(Recording r) {
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        put(json, "id", r.id().value());
        put(json, "patient", r.patient().value());
        put(json, "encounter", r.encounter() == null ? null : r.encounter().value());
        put(json, "site", r.site().value());
        put(json, "areaCode", r.areaCode());
        json.addProperty("policyVersion", r.policyVersion());
        if (r.defaultPolicy()) {
            json.addProperty("defaultPolicy", true);
        }
        put(json, "kind", r.kind().name());
        put(json, "mediaType", r.mediaType().name());
        put(json, "initiator", r.initiator().name());
        put(json, "mode", r.mode().name());
        json.add(
                "purposes",
                strings(r.purposes().stream().map(Purpose::code).sorted().toList()));
        put(json, "operator", r.operator().value());
        json.add(
                "staffPresent",
                strings(r.staffPresent().stream().map(UserId::value).toList()));
        put(json, "consent", r.consent() == null ? null : r.consent().value());
        put(json, "state", r.state().name());
        put(json, "startedAt", r.startedAt() == null ? null : r.startedAt().toString());
        put(json, "endedAt", r.endedAt() == null ? null : r.endedAt().toString());
        if (r.content() != null) {
            JsonObject content = new JsonObject();
            put(content, "key", r.content().key());
            put(content, "contentType", r.content().contentType());
            content.addProperty("size", r.content().size());
            put(content, "sha256", r.content().sha256());
            put(content, "sha1", r.content().sha1());
            json.add("content", content);
        }
        put(json, "declaredContentType", r.declaredContentType());
        json.addProperty("thirdPartiesCaptured", r.thirdPartiesCaptured());
        if (!r.thirdParties().isEmpty()) {
            JsonArray parties = new JsonArray();
            for (CapturedParty p : r.thirdParties()) {
                JsonObject party = new JsonObject();
                put(party, "role", p.role() == null ? null : p.role().name());
                put(party, "id", p.id());
                put(party, "name", p.name());
                party.addProperty("consented", p.consented());
                parties.add(party);
            }
            json.add("thirdParties", parties);
        }
        put(
                json,
                "derivativeOf",
                r.derivativeOf() == null ? null : r.derivativeOf().value());
        put(
                json,
                "deIdentification",
                r.deIdentification() == null ? null : r.deIdentification().name());
        put(
                json,
                "retentionUntil",
                r.retentionUntil() == null ? null : r.retentionUntil().toString());
        json.add(
                "flags",
                strings(r.flags().stream().map(RecordingFlag::name).sorted().toList()));
        put(json, "defenceReason", r.defenceReason());
        if (r.call() != null) {
            JsonObject call = new JsonObject();
            put(call, "type", r.call().type().name());
            call.addProperty("explicitNoticeGiven", r.call().explicitNoticeGiven());
            json.add("call", call);
        }
        if (r.sharedCopy() != null) {
            JsonObject shared = new JsonObject();
            put(shared, "receivedOn", r.sharedCopy().receivedOn().toString());
            put(shared, "howObtained", r.sharedCopy().howObtained());
            json.add("sharedCopy", shared);
        }
        put(json, "voidReason", r.voidReason());
        if (r.identifier() != null) {
            JsonObject identifier = new JsonObject();
            put(identifier, "system", r.identifier().system());
            put(identifier, "value", r.identifier().value());
            json.add("identifier", identifier);
        }
        return json.toString();
    }

    /**
     * @param document what {@link #write} wrote
     * @param version the version the row holds
     * @param lastUpdated when that version was saved
     * @throws IllegalStateException when the document is of an unknown format
     */
    static Recording read(String document, long version, Instant lastUpdated) {
        JsonObject json = JsonParser.parseString(document).getAsJsonObject();
        int format = json.get("format").getAsInt();
        if (format != FORMAT) {
            throw new IllegalStateException("unknown recording document format " + format);
        }
        JsonObject content = object(json, "content");
        JsonObject call = object(json, "call");
        JsonObject shared = object(json, "sharedCopy");
        JsonObject identifier = object(json, "identifier");
        return Recording.builder()
                .id(RecordingId.of(string(json, "id")))
                .patient(PatientId.of(string(json, "patient")))
                .encounter(value(json, "encounter", EncounterId::of))
                .site(SiteId.of(string(json, "site")))
                .areaCode(string(json, "areaCode"))
                .policyVersion(json.get("policyVersion").getAsInt())
                .defaultPolicy(
                        json.has("defaultPolicy") && json.get("defaultPolicy").getAsBoolean())
                .kind(RecordingKind.valueOf(string(json, "kind")))
                .mediaType(MediaType.valueOf(string(json, "mediaType")))
                .initiator(Initiator.valueOf(string(json, "initiator")))
                .mode(RecordingMode.valueOf(string(json, "mode")))
                .purposes(Set.copyOf(list(json, "purposes", Purpose::new)))
                .operator(UserId.of(string(json, "operator")))
                .staffPresent(list(json, "staffPresent", UserId::of))
                .consent(value(json, "consent", ConsentId::of))
                .state(RecordingState.valueOf(string(json, "state")))
                .startedAt(value(json, "startedAt", Instant::parse))
                .endedAt(value(json, "endedAt", Instant::parse))
                .content(
                        content == null
                                ? null
                                : new RecordedContent(
                                        string(content, "key"),
                                        string(content, "contentType"),
                                        content.get("size").getAsLong(),
                                        string(content, "sha256"),
                                        string(content, "sha1")))
                .declaredContentType(string(json, "declaredContentType"))
                .thirdParties(thirdParties(json))
                .derivativeOf(value(json, "derivativeOf", RecordingId::of))
                .deIdentification(deIdentification(json))
                .retentionUntil(value(json, "retentionUntil", LocalDate::parse))
                .flags(Set.copyOf(list(json, "flags", RecordingFlag::valueOf)))
                .defenceReason(string(json, "defenceReason"))
                .call(
                        call == null
                                ? null
                                : new CallDetails(
                                        CallType.valueOf(string(call, "type")),
                                        call.get("explicitNoticeGiven").getAsBoolean()))
                .sharedCopy(
                        shared == null
                                ? null
                                : new SharedCopy(
                                        LocalDate.parse(string(shared, "receivedOn")), string(shared, "howObtained")))
                .voidReason(string(json, "voidReason"))
                .identifier(
                        identifier == null
                                ? null
                                : new RecordingIdentifier(string(identifier, "system"), string(identifier, "value")))
                .lastUpdated(lastUpdated)
                .version(version)
                .build();
    }

    /**
     * How a derivative was de-identified; a derivative's version saved before the level was kept was made, and shown,
     * as anonymised.
     */
    private static DeIdentification deIdentification(JsonObject json) {
        DeIdentification stated = value(json, "deIdentification", DeIdentification::valueOf);
        return stated == null && json.has("derivativeOf") ? DeIdentification.ANONYED : stated;
    }

    /**
     * STF-2: the other people captured; a version saved before each party was kept, marked as capturing others, reads
     * as one party, not stated who, who has not consented, as it was shown.
     */
    private static List<CapturedParty> thirdParties(JsonObject json) {
        List<CapturedParty> parties = new ArrayList<>();
        JsonElement element = json.get("thirdParties");
        if (element != null && element.isJsonArray()) {
            for (JsonElement e : element.getAsJsonArray()) {
                JsonObject party = e.getAsJsonObject();
                parties.add(new CapturedParty(
                        value(party, "role", CapturedParty.Role::valueOf),
                        string(party, "id"),
                        string(party, "name"),
                        party.get("consented").getAsBoolean()));
            }
        }
        return parties.isEmpty() && json.get("thirdPartiesCaptured").getAsBoolean()
                ? List.of(CapturedParty.unstated())
                : parties;
    }

    private static void put(JsonObject json, String member, String value) {
        if (value != null) {
            json.addProperty(member, value);
        }
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static String string(JsonObject json, String member) {
        JsonElement element = json.get(member);
        return element == null || element.isJsonNull() ? null : element.getAsString();
    }

    private static <T> T value(JsonObject json, String member, Function<String, T> parse) {
        String text = string(json, member);
        return text == null ? null : parse.apply(text);
    }

    private static JsonObject object(JsonObject json, String member) {
        JsonElement element = json.get(member);
        return element == null || element.isJsonNull() ? null : element.getAsJsonObject();
    }

    private static <T> List<T> list(JsonObject json, String member, Function<String, T> parse) {
        List<T> values = new ArrayList<>();
        JsonElement element = json.get(member);
        if (element != null && element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> values.add(parse.apply(e.getAsString())));
        }
        return values;
    }
}
