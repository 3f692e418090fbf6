/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;
import org.openmrs.module.patientrecordings.register.CovertAuthorisationEntry;
import org.openmrs.module.patientrecordings.register.DestructionEntry;
import org.openmrs.module.patientrecordings.register.Disclosure;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.register.PatientObjection;
import org.openmrs.module.patientrecordings.register.RegisterEntry;
import org.openmrs.module.patientrecordings.register.SitePolicyBreach;
import org.openmrs.module.patientrecordings.register.StaffObjection;

/** Register entries as JSON: every field of the entry, {@code active} as of the response, no nulls written. */
final class RegisterJson {

    private RegisterJson() {}

    static JsonObject write(RegisterEntry entry, Instant now) {
        JsonObject json = new JsonObject();
        json.addProperty("id", entry.id());
        if (entry instanceof StaffObjection o) {
            put(json, "staff", o.staff());
            put(json, "comment", o.comment());
            put(json, "recordedBy", o.recordedBy());
            put(json, "recordedAt", o.recordedAt());
        } else if (entry instanceof PatientObjection o) {
            put(json, "patient", o.patient());
            put(json, "comment", o.comment());
            put(json, "recordedBy", o.recordedBy());
            put(json, "recordedAt", o.recordedAt());
        } else if (entry instanceof CovertAuthorisationEntry c) {
            writeAuthorisation(json, c.authorisation());
            put(json, "recordedBy", c.recordedBy());
            put(json, "recordedAt", c.recordedAt());
        } else if (entry instanceof LegalHold h) {
            put(json, "patient", h.patient());
            put(json, "basis", h.basis());
            put(json, "reference", h.reference());
            put(json, "placedBy", h.placedBy());
            put(json, "placedAt", h.placedAt());
            put(json, "liftedBy", h.liftedBy());
            put(json, "liftReason", h.liftReason());
        } else if (entry instanceof DestructionEntry d) {
            put(json, "recording", d.recording());
            put(json, "patient", d.patient());
            put(json, "sha256", d.sha256());
            put(json, "destroyedAt", d.destroyedAt());
            put(json, "destroyedBy", d.destroyedBy());
            put(json, "rule", d.rule().code());
            put(json, "detail", d.detail());
        } else if (entry instanceof SitePolicyBreach b) {
            put(json, "recording", b.recording());
            put(json, "patient", b.patient());
            put(json, "site", b.site());
            json.addProperty("policyVersion", b.policyVersion());
            put(json, "areaCode", b.areaCode());
            put(json, "areaName", b.areaName());
            put(json, "recordedBy", b.recordedBy());
            put(json, "recordedAt", b.recordedAt());
        } else if (entry instanceof Disclosure d) {
            put(json, "patient", d.patient());
            JsonArray recordings = new JsonArray();
            d.recordings().forEach(r -> recordings.add(r.value()));
            json.add("recordings", recordings);
            put(
                    json,
                    "authority",
                    d.subjectAccess()
                            ? "SUBJECT_ACCESS"
                            : d.authority() == null ? null : d.authority().name());
            put(json, "purpose", d.purpose().code());
            put(json, "recipient", d.recipient());
            put(json, "reference", d.reference());
            put(json, "disclosedBy", d.disclosedBy());
            put(json, "disclosedAt", d.disclosedAt());
        }
        put(json, "endedAt", entry.endedAt());
        json.addProperty("active", entry.activeAt(now));
        return json;
    }

    private static void writeAuthorisation(JsonObject json, CovertAuthorisation a) {
        put(json, "patient", a.patient());
        put(json, "authorisingBody", a.authorisingBody());
        put(json, "reference", a.reference());
        put(json, "legalBasis", a.legalBasis());
        put(json, "justification", a.justification());
        if (a.noOtherMeans() != null) {
            json.addProperty("noOtherMeans", a.noOtherMeans());
        }
        put(json, "validFrom", a.validFrom());
        put(json, "validUntil", a.validUntil());
    }

    private static void put(JsonObject json, String name, Object value) {
        if (value != null) {
            json.addProperty(name, value.toString());
        }
    }
}
