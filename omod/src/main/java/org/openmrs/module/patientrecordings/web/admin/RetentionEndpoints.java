/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.retention.AdministeredSchedule;
import org.openmrs.module.patientrecordings.retention.Jurisdiction;
import org.openmrs.module.patientrecordings.retention.RecordClass;
import org.openmrs.module.patientrecordings.retention.RetentionRule;
import org.openmrs.module.patientrecordings.retention.RetentionRuleCodec;
import org.openmrs.module.patientrecordings.retention.RetentionSchedule;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleCodec;
import org.openmrs.module.patientrecordings.site.RetentionScheduleService;
import org.openmrs.module.patientrecordings.site.RetentionScheduleService.ScheduleInForce;

/**
 * Retention schedules per jurisdiction and record class (REC-2): those in force (shipped or administered), their
 * administered versions, and changes of a whole schedule or of one class's rule, each a new version. Rules are
 * written as {@link RetentionRuleCodec} describes.
 */
final class RetentionEndpoints {

    /** Retention schedules are part of the site policies (POL-1). */
    private static final Access MANAGE_POLICY = Access.holding(Privilege.MANAGE_POLICY, AuditAction.POLICY_CHANGE);

    private final RetentionScheduleService schedules;
    private final RetentionScheduleCodec codec = new RetentionScheduleCodec();
    private final RetentionRuleCodec rules = new RetentionRuleCodec();
    private final Gson gson = new Gson();

    RetentionEndpoints(RetentionScheduleService schedules) {
        this.schedules = Objects.requireNonNull(schedules, "schedules");
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/retention-schedules", MANAGE_POLICY, this::all),
                new Route("GET", "/retention-schedules/{jurisdiction}", MANAGE_POLICY, this::one),
                new Route("PUT", "/retention-schedules/{jurisdiction}", MANAGE_POLICY, this::replace),
                new Route("GET", "/retention-schedules/{jurisdiction}/versions", MANAGE_POLICY, this::versions),
                new Route(
                        "PUT",
                        "/retention-schedules/{jurisdiction}/classes/{recordClass}",
                        MANAGE_POLICY,
                        this::replaceEntry));
    }

    private Reply all(Call call) {
        JsonArray all = new JsonArray();
        schedules.inForce().forEach(s -> all.add(write(s)));
        JsonObject body = new JsonObject();
        body.add("retentionSchedules", all);
        return Reply.ok(body);
    }

    private Reply one(Call call) {
        ScheduleInForce schedule = schedules.inForce(jurisdiction(call));
        return Reply.ok(write(schedule)).tagged(schedule.version());
    }

    private Reply replace(Call call) throws IOException {
        Jurisdiction jurisdiction = jurisdiction(call);
        schedules.requireMayChange(jurisdiction);
        JsonElement body = call.body();
        if (body.isJsonObject() && !body.getAsJsonObject().has("jurisdiction")) {
            body.getAsJsonObject().addProperty("jurisdiction", jurisdiction.code());
        }
        if (body.isJsonObject()) {
            body.getAsJsonObject().remove("version");
            body.getAsJsonObject().remove("shipped");
        }
        List<RetentionRuleCodec.Problem> problems = new ArrayList<>();
        RetentionSchedule schedule = codec.read(gson.fromJson(body, Object.class), "", problems);
        if (schedule != null && !schedule.jurisdiction().equals(jurisdiction)) {
            problems.add(new RetentionRuleCodec.Problem(
                    "jurisdiction", "the body is for " + schedule.jurisdiction() + ", not " + jurisdiction));
        }
        refuseIfAny(problems);
        AdministeredSchedule saved = schedules.change(schedule, call.ifMatch());
        return Reply.ok(write(schedules.inForce(jurisdiction))).tagged(saved.version());
    }

    private Reply versions(Call call) {
        Jurisdiction jurisdiction = jurisdiction(call);
        schedules.inForce(jurisdiction);
        JsonArray versions = new JsonArray();
        for (AdministeredSchedule s : schedules.versions(jurisdiction)) {
            JsonObject v = gson.toJsonTree(codec.write(s.schedule())).getAsJsonObject();
            v.addProperty("version", s.version());
            versions.add(v);
        }
        JsonObject body = new JsonObject();
        body.addProperty("jurisdiction", jurisdiction.code());
        body.add("versions", versions);
        return Reply.ok(body);
    }

    private Reply replaceEntry(Call call) throws IOException {
        Jurisdiction jurisdiction = jurisdiction(call);
        schedules.requireMayChange(jurisdiction);
        RecordClass recordClass;
        try {
            recordClass = RecordClass.valueOf(call.path("recordClass").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.of(
                    ErrorCode.NF_1, "No record class " + call.path("recordClass"), "recordClass");
        }
        List<RetentionRuleCodec.Problem> problems = new ArrayList<>();
        RetentionRule rule = rules.read(gson.fromJson(call.body(), Object.class), "", problems);
        refuseIfAny(problems);
        AdministeredSchedule saved = schedules.changeEntry(jurisdiction, recordClass, rule, call.ifMatch());
        return Reply.ok(write(schedules.inForce(jurisdiction))).tagged(saved.version());
    }

    private JsonObject write(ScheduleInForce schedule) {
        JsonObject json = gson.toJsonTree(codec.write(schedule.schedule())).getAsJsonObject();
        json.addProperty("version", schedule.version());
        json.addProperty("shipped", schedule.shipped());
        return json;
    }

    private static void refuseIfAny(List<RetentionRuleCodec.Problem> problems) {
        PolicyEndpoints.refuseIfAny(problems.stream()
                .map(p -> Reason.error(ErrorCode.REC_2, p.message(), p.path()))
                .toList());
    }

    private static Jurisdiction jurisdiction(Call call) {
        try {
            return Jurisdiction.of(call.path("jurisdiction").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.of(ErrorCode.SAF_4, e.getMessage(), "jurisdiction");
        }
    }
}
