/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.web.admin.AdminApiServer.RIVERSIDE;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.web.admin.AdminApiServer.Answer;

@DisplayName("POL-1, POL-2 over HTTP: site policies, their versions, diff, notices, areas, schedules and the file")
class SitePolicyApiIT {

    private static final String POLICY = "/sites/riverside/policy";

    private final AdminApiServer server = new AdminApiServer();

    SitePolicyApiIT() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("an update makes a new version; versions, one version and the diff show the history")
    void versionHistoryAndDiff() throws Exception {
        JsonObject policy = server.get("admin", POLICY).json().getAsJsonObject();
        policy.addProperty("missingNote", "BLOCK");

        Answer updated = server.send("admin", "PUT", POLICY, policy.toString(), "If-Match", "\"1\"");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        assertThat(server.get("admin", POLICY + "/versions")
                        .json()
                        .getAsJsonObject()
                        .getAsJsonArray("versions"))
                .hasSize(2);
        assertThat(server.get("admin", POLICY + "/versions/1")
                        .json()
                        .getAsJsonObject()
                        .get("missingNote")
                        .getAsString())
                .isEqualTo("FLAG");
        JsonArray changes = server.get("admin", POLICY + "/diff?from=1&to=2")
                .json()
                .getAsJsonObject()
                .getAsJsonArray("changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).getAsJsonObject().get("path").getAsString()).isEqualTo("missingNote");
        assertThat(changes.get(0).getAsJsonObject().get("after").getAsString()).isEqualTo("BLOCK");
    }

    @Test
    @DisplayName(
            "VER-1: an update from a stale version answers 412; without If-Match it applies to the current version")
    void staleUpdateRefused() throws Exception {
        String policy = server.get("admin", POLICY).body();
        server.send("admin", "PUT", POLICY, policy, "If-Match", "\"1\"");

        Answer stale = server.send("admin", "PUT", POLICY, policy, "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.codes()).containsExactly("VER-1");
        assertThat(server.send("admin", "PUT", POLICY, policy).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("SAF-3: a user without the policy privilege gets 403, and the attempt is audited as refused")
    void privilegeRefusalAudited() throws Exception {
        String policy = server.get("admin", POLICY).body();

        Answer refused = server.send("clinician", "PUT", POLICY, policy);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.codes()).containsExactly("SAF-3");
        AuditEntry last = server.auditTrail().get(server.auditTrail().size() - 1);
        assertThat(last.action()).isEqualTo(AuditAction.POLICY_CHANGE);
        assertThat(last.outcome().succeeded()).isFalse();
        assertThat(last.outcome().codes()).containsExactly(ErrorCode.SAF_3);
        assertThat(server.get(null, POLICY).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("errors name the field and the rule: bad input 400 with every path, rules 422")
    void errorsNameFieldAndRule() throws Exception {
        JsonObject policy = server.get("admin", POLICY).json().getAsJsonObject();
        policy.addProperty("recordClass", "DENTAL");
        policy.remove("missingNote");
        Answer bad = server.send("admin", "PUT", POLICY, policy.toString());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.paths()).containsExactlyInAnyOrder("recordClass", "missingNote");

        JsonObject switchedOnSilently = server.get("admin", POLICY).json().getAsJsonObject();
        switchedOnSilently.getAsJsonObject("telephone").add("notices", new JsonArray());
        Answer rule = server.send("admin", "PUT", POLICY, switchedOnSilently.toString());
        assertThat(rule.status()).isEqualTo(422);
        assertThat(rule.codes()).containsExactly("TEL-2");
        assertThat(rule.paths()).containsExactly("telephone.notices");
    }

    @Test
    @DisplayName("TEL-2: notices are added with their start and ended with their end, each a new version")
    void telephoneNotices() throws Exception {
        Answer added = server.post(
                "admin",
                "/sites/riverside/telephone/notices",
                "{\"means\":\"WEBSITE\",\"description\":\"Our website says so\",\"startedOn\":\"2025-03-01\"}");
        Answer ended = server.post("admin", "/sites/riverside/telephone/notices/0/end", "{\"endedOn\":\"2025-03-05\"}");
        Answer lastOne =
                server.post("admin", "/sites/riverside/telephone/notices/1/end", "{\"endedOn\":\"2025-03-06\"}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(ended.header("ETag")).isEqualTo("\"3\"");
        assertThat(lastOne.status()).isEqualTo(422);
        assertThat(lastOne.codes()).containsExactly("TEL-2");
        JsonArray notices = server.get("admin", "/sites/riverside/telephone/notices")
                .json()
                .getAsJsonObject()
                .getAsJsonArray("notices");
        assertThat(notices).hasSize(2);
        assertThat(notices.get(0).getAsJsonObject().get("inUse").getAsBoolean()).isFalse();
        assertThat(notices.get(1).getAsJsonObject().get("inUse").getAsBoolean()).isTrue();
    }

    @Test
    @DisplayName("PAT-3: no-filming areas are added with their notices and lifted in a new version")
    void noFilmingAreas() throws Exception {
        Answer put = server.send(
                "admin",
                "PUT",
                "/sites/riverside/no-filming-areas/WAITING_ROOM",
                "{\"name\":\"Waiting room\",\"notices\":[\"Sign on the door\"]}");
        Answer noNotice = server.send(
                "admin", "PUT", "/sites/riverside/no-filming-areas/CAR_PARK", "{\"name\":\"Car park\",\"notices\":[]}");
        Answer lifted = server.send("admin", "DELETE", "/sites/riverside/no-filming-areas/RECEPTION", null);

        assertThat(put.status()).isEqualTo(200);
        assertThat(noNotice.codes()).containsExactly("PAT-3");
        assertThat(lifted.json().getAsJsonObject().getAsJsonArray("noFilmingAreas"))
                .hasSize(1);
        assertThat(server.get("admin", "/sites/riverside/policy/versions/2")
                        .json()
                        .getAsJsonObject()
                        .getAsJsonArray("noFilmingAreas"))
                .hasSize(2);
    }

    @Test
    @DisplayName("REC-2: a class's rule is replaced as a new schedule version; a rule with a gap is refused")
    void retentionSchedules() throws Exception {
        Answer changed = server.send(
                "admin",
                "PUT",
                "/retention-schedules/ENGLAND/classes/MATERNITY",
                "{\"rule\":\"yearsAfterLastTreatment\",\"years\":30}",
                "If-Match",
                "\"0\"");
        Answer gap = server.send(
                "admin",
                "PUT",
                "/retention-schedules/ENGLAND/classes/GP",
                "{\"rule\":\"yearsAfterDeath\",\"years\":10}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(gap.status()).isEqualTo(422);
        assertThat(gap.codes()).containsOnly("REC-2");
        assertThat(server.get("admin", "/retention-schedules/ENGLAND/versions")
                        .json()
                        .getAsJsonObject()
                        .getAsJsonArray("versions"))
                .hasSize(1);
    }

    @Test
    @DisplayName("POL-2: the export imports back unchanged; a file with several errors lists them all and applies none")
    void exportAndImport() throws Exception {
        Answer export = server.get("admin", "/policies/export?site=" + RIVERSIDE.value());
        Answer reimport = server.post("admin", "/policies/import", export.body());
        JsonObject broken = export.json().getAsJsonObject();
        JsonObject site = broken.getAsJsonArray("sites").get(0).getAsJsonObject();
        site.addProperty("cliniciansMayRecordConsultations", "yes");
        site.getAsJsonObject("telephone")
                .getAsJsonArray("notices")
                .get(0)
                .getAsJsonObject()
                .remove("startedOn");
        Answer refused = server.post("admin", "/policies/import?dryRun=true", broken.toString());

        assertThat(export.header("Content-Disposition")).contains("site-policies-riverside.json");
        assertThat(reimport.status()).isEqualTo(200);
        assertThat(reimport.json().getAsJsonObject().get("unchanged").getAsBoolean())
                .isTrue();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.paths())
                .containsExactlyInAnyOrder(
                        "sites[0].cliniciansMayRecordConsultations", "sites[0].telephone.notices[0].startedOn");
        assertThat(server.get("admin", POLICY).header("ETag")).isEqualTo("\"1\"");
    }
}
