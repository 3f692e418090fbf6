/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.site.ImportReport;
import org.openmrs.module.patientrecordings.site.PolicyFileService;

/**
 * The policy file (POL-2): export one site's or every site's policy with the retention schedules they name; import a
 * file, validated as a whole, with {@code dryRun=true} to see what it would change.
 */
final class PolicyFileEndpoints {

    private final PolicyFileService files;

    /** A policy file holds every site's policy: exporting it is reading them all. */
    private static final Access MANAGE_POLICY = Access.holding(Privilege.MANAGE_POLICY, AuditAction.POLICY_CHANGE);

    PolicyFileEndpoints(PolicyFileService files) {
        this.files = Objects.requireNonNull(files, "files");
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/policies/export", MANAGE_POLICY, this::export),
                new Route("POST", "/policies/import", MANAGE_POLICY, this::load));
    }

    private Reply export(Call call) {
        String site = call.query("site");
        JsonObject file = files.export(site == null ? null : SiteId.of(site));
        String name = "site-policies" + (site == null ? "" : "-" + site.replaceAll("[^A-Za-z0-9._-]", "_")) + ".json";
        return Reply.ok(file).with("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private Reply load(Call call) throws IOException {
        Boolean dryRun = call.queryBoolean("dryRun");
        ImportReport report = files.importFile(call.reader(), Boolean.TRUE.equals(dryRun));
        JsonArray outcomes = new JsonArray();
        for (ImportReport.Outcome o : report.outcomes()) {
            JsonObject outcome = new JsonObject();
            outcome.addProperty("kind", o.kind());
            outcome.addProperty("id", o.id());
            outcome.addProperty("status", o.status().name());
            outcome.addProperty("fromVersion", o.fromVersion());
            outcome.addProperty("toVersion", o.toVersion());
            outcomes.add(outcome);
        }
        JsonObject body = new JsonObject();
        body.addProperty("dryRun", report.dryRun());
        body.addProperty("unchanged", report.unchanged());
        body.add("outcomes", outcomes);
        return Reply.ok(body);
    }
}
