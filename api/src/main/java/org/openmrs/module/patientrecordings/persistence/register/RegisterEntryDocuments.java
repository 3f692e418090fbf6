/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.register;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation.CovertJustification;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.register.CovertAuthorisationEntry;
import org.openmrs.module.patientrecordings.register.DestructionEntry;
import org.openmrs.module.patientrecordings.register.Disclosure;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.register.PatientObjection;
import org.openmrs.module.patientrecordings.register.RegisterEntry;
import org.openmrs.module.patientrecordings.register.SitePolicyBreach;
import org.openmrs.module.patientrecordings.register.StaffObjection;

/**
 * The JSON document of a register entry: every field but the id, member by member (never by reflection, so that a
 * renamed field cannot silently change the stored format); instants in ISO-8601 at full precision, enums by name,
 * error codes by their code. Absent members read as null.
 */
final class RegisterEntryDocuments {

    private static final Gson GSON = new Gson();

    private RegisterEntryDocuments() {}

    static String write(RegisterEntry entry) {
        JsonObject json = new JsonObject();
        if (entry instanceof StaffObjection o) {
            put(json, "staff", o.staff().value());
            put(json, "comment", o.comment());
            put(json, "recordedBy", o.recordedBy().value());
            put(json, "recordedAt", o.recordedAt());
            put(json, "endedAt", o.endedAt());
        } else if (entry instanceof PatientObjection o) {
            put(json, "patient", o.patient().value());
            put(json, "comment", o.comment());
            put(json, "recordedBy", o.recordedBy().value());
            put(json, "recordedAt", o.recordedAt());
            put(json, "endedAt", o.endedAt());
        } else if (entry instanceof CovertAuthorisationEntry e) {
            json.add("authorisation", authorisation(e.authorisation()));
            put(json, "recordedBy", e.recordedBy().value());
            put(json, "recordedAt", e.recordedAt());
            put(json, "endedAt", e.endedAt());
        } else if (entry instanceof LegalHold h) {
            put(json, "patient", h.patient().value());
            put(json, "basis", h.basis().name());
            put(json, "reference", h.reference());
            put(json, "placedBy", h.placedBy().value());
            put(json, "placedAt", h.placedAt());
            put(json, "endedAt", h.endedAt());
            put(json, "liftedBy", h.liftedBy() == null ? null : h.liftedBy().value());
            put(json, "liftReason", h.liftReason());
        } else if (entry instanceof DestructionEntry d) {
            put(json, "recording", d.recording().value());
            put(json, "patient", d.patient().value());
            put(json, "sha256", d.sha256());
            put(json, "destroyedAt", d.destroyedAt());
            put(json, "destroyedBy", d.destroyedBy().value());
            put(json, "rule", d.rule().code());
            put(json, "detail", d.detail());
        } else if (entry instanceof Disclosure d) {
            put(json, "patient", d.patient().value());
            JsonArray recordings = new JsonArray();
            d.recordings().forEach(r -> recordings.add(r.value()));
            json.add("recordings", recordings);
            put(json, "purpose", d.purpose().code());
            put(json, "authority", d.authority() == null ? null : d.authority().name());
            put(json, "recipient", d.recipient());
            put(json, "reference", d.reference());
            put(json, "disclosedBy", d.disclosedBy().value());
            put(json, "disclosedAt", d.disclosedAt());
        } else if (entry instanceof SitePolicyBreach b) {
            put(json, "recording", b.recording().value());
            put(json, "patient", b.patient().value());
            put(json, "site", b.site().value());
            json.addProperty("policyVersion", b.policyVersion());
            put(json, "areaCode", b.areaCode());
            put(json, "areaName", b.areaName());
            put(json, "recordedBy", b.recordedBy().value());
            put(json, "recordedAt", b.recordedAt());
        } else {
            throw new IllegalArgumentException(entry.getClass() + " is not a register entry type");
        }
        return GSON.toJson(json);
    }

    /** @throws IllegalArgumentException when the document does not hold an entry of the type */
    static <T extends RegisterEntry> T read(Class<T> type, String id, String document) {
        JsonObject json = JsonParser.parseString(document).getAsJsonObject();
        RegisterEntry entry;
        if (type == StaffObjection.class) {
            entry = new StaffObjection(
                    id,
                    UserId.of(string(json, "staff")),
                    string(json, "comment"),
                    UserId.of(string(json, "recordedBy")),
                    instant(json, "recordedAt"),
                    instant(json, "endedAt"));
        } else if (type == PatientObjection.class) {
            entry = new PatientObjection(
                    id,
                    PatientId.of(string(json, "patient")),
                    string(json, "comment"),
                    UserId.of(string(json, "recordedBy")),
                    instant(json, "recordedAt"),
                    instant(json, "endedAt"));
        } else if (type == CovertAuthorisationEntry.class) {
            entry = new CovertAuthorisationEntry(
                    id,
                    authorisation(json.getAsJsonObject("authorisation")),
                    UserId.of(string(json, "recordedBy")),
                    instant(json, "recordedAt"),
                    instant(json, "endedAt"));
        } else if (type == LegalHold.class) {
            String liftedBy = string(json, "liftedBy");
            entry = new LegalHold(
                    id,
                    PatientId.of(string(json, "patient")),
                    LegalAuthority.valueOf(string(json, "basis")),
                    string(json, "reference"),
                    UserId.of(string(json, "placedBy")),
                    instant(json, "placedAt"),
                    instant(json, "endedAt"),
                    liftedBy == null ? null : UserId.of(liftedBy),
                    string(json, "liftReason"));
        } else if (type == DestructionEntry.class) {
            String rule = string(json, "rule");
            entry = new DestructionEntry(
                    id,
                    RecordingId.of(string(json, "recording")),
                    PatientId.of(string(json, "patient")),
                    string(json, "sha256"),
                    instant(json, "destroyedAt"),
                    UserId.of(string(json, "destroyedBy")),
                    ErrorCode.fromCode(rule)
                            .orElseThrow(() -> new IllegalArgumentException("unknown rule code " + rule)),
                    string(json, "detail"));
        } else if (type == Disclosure.class) {
            List<RecordingId> recordings = new ArrayList<>();
            json.getAsJsonArray("recordings").forEach(r -> recordings.add(RecordingId.of(r.getAsString())));
            String authority = string(json, "authority");
            String purpose = string(json, "purpose");
            entry = new Disclosure(
                    id,
                    PatientId.of(string(json, "patient")),
                    recordings,
                    purpose == null ? null : Purpose.of(purpose),
                    authority == null ? null : LegalAuthority.valueOf(authority),
                    string(json, "recipient"),
                    string(json, "reference"),
                    UserId.of(string(json, "disclosedBy")),
                    instant(json, "disclosedAt"));
        } else if (type == SitePolicyBreach.class) {
            entry = new SitePolicyBreach(
                    id,
                    RecordingId.of(string(json, "recording")),
                    PatientId.of(string(json, "patient")),
                    SiteId.of(string(json, "site")),
                    json.get("policyVersion").getAsInt(),
                    string(json, "areaCode"),
                    string(json, "areaName"),
                    UserId.of(string(json, "recordedBy")),
                    instant(json, "recordedAt"));
        } else {
            throw new IllegalArgumentException(type + " is not a register entry type");
        }
        return type.cast(entry);
    }

    /** @return the patient the entry is about, or null when it is about none (a staff objection) */
    static String patient(RegisterEntry entry) {
        if (entry instanceof PatientObjection o) {
            return o.patient().value();
        } else if (entry instanceof CovertAuthorisationEntry e) {
            return e.authorisation().patient() == null
                    ? null
                    : e.authorisation().patient().value();
        } else if (entry instanceof LegalHold h) {
            return h.patient().value();
        } else if (entry instanceof DestructionEntry d) {
            return d.patient().value();
        } else if (entry instanceof Disclosure d) {
            return d.patient().value();
        } else if (entry instanceof SitePolicyBreach b) {
            return b.patient().value();
        }
        return null;
    }

    private static JsonObject authorisation(CovertAuthorisation a) {
        JsonObject json = new JsonObject();
        put(json, "patient", a.patient() == null ? null : a.patient().value());
        put(json, "authorisingBody", a.authorisingBody());
        put(json, "reference", a.reference());
        put(json, "legalBasis", a.legalBasis());
        put(
                json,
                "justification",
                a.justification() == null ? null : a.justification().name());
        if (a.noOtherMeans() != null) {
            json.addProperty("noOtherMeans", a.noOtherMeans());
        }
        put(json, "validFrom", a.validFrom());
        put(json, "validUntil", a.validUntil());
        json.addProperty("ended", a.ended());
        return json;
    }

    private static CovertAuthorisation authorisation(JsonObject json) {
        String patient = string(json, "patient");
        String justification = string(json, "justification");
        JsonElement noOtherMeans = json.get("noOtherMeans");
        return new CovertAuthorisation(
                patient == null ? null : PatientId.of(patient),
                string(json, "authorisingBody"),
                string(json, "reference"),
                string(json, "legalBasis"),
                justification == null ? null : CovertJustification.valueOf(justification),
                noOtherMeans == null || noOtherMeans.isJsonNull() ? null : noOtherMeans.getAsBoolean(),
                instant(json, "validFrom"),
                instant(json, "validUntil"),
                json.get("ended").getAsBoolean());
    }

    private static void put(JsonObject json, String member, String value) {
        if (value != null) {
            json.addProperty(member, value);
        }
    }

    private static void put(JsonObject json, String member, Instant value) {
        if (value != null) {
            json.addProperty(member, value.toString());
        }
    }

    private static String string(JsonObject json, String member) {
        JsonElement value = json.get(member);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static Instant instant(JsonObject json, String member) {
        String value = string(json, member);
        return value == null ? null : Instant.parse(value);
    }
}
