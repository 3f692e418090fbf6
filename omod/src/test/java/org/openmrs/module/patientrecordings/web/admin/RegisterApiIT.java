/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.web.admin.AdminApiServer.ALICE;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.web.admin.AdminApiServer.Answer;

@DisplayName("The registers over HTTP drive their rules: STF-1, CON-10, COV-1, REC-4, REC-5, REC-6")
class RegisterApiIT {

    private final AdminApiServer server = new AdminApiServer();

    RegisterApiIT() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("STF-1: a staff objection recorded through the API refuses a recording with them present, until ended")
    void staffObjectionDrivesStf1() throws Exception {
        Answer recorded =
                server.post("nurse", "/registers/staff-objections", "{\"staff\":\"nurse\",\"comment\":\"no\"}");
        String id = recorded.json().getAsJsonObject().get("id").getAsString();

        assertThat(recorded.status()).isEqualTo(201);
        assertThatThrownBy(() -> server.startConsultation("clinician", ALICE, UserId.of("nurse")))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).contains(ErrorCode.STF_1));

        Answer ended = server.post("nurse", "/registers/staff-objections/" + id + "/end", null);
        Answer again = server.post("nurse", "/registers/staff-objections/" + id + "/end", null);

        assertThat(ended.json().getAsJsonObject().get("active").getAsBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.codes()).containsExactly("LIF-1");
        assertThatThrownBy(() -> server.startConsultation("clinician", ALICE, UserId.of("nurse")))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).doesNotContain(ErrorCode.STF_1));
    }

    @Test
    @DisplayName("STF-1: someone else's objection needs the policy privilege; lists are filtered")
    void staffObjectionsOfOthers() throws Exception {
        Answer refused = server.post("clinician", "/registers/staff-objections", "{\"staff\":\"nurse\"}");
        AuditEntry refusal = lastAudit();
        server.post("admin", "/registers/staff-objections", "{\"staff\":\"nurse\"}");
        server.post("admin", "/registers/staff-objections", "{\"staff\":\"porter\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refusal.outcome().codes()).containsExactly(ErrorCode.SAF_3);
        JsonObject list = server.get("admin", "/registers/staff-objections?staff=porter&active=true")
                .json()
                .getAsJsonObject();
        assertThat(list.get("total").getAsInt()).isEqualTo(1);
        assertThat(server.get("clinician", "/registers/staff-objections").status())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("PAT-3: a patient's own recording in a no-filming area is on the breach register, for administrators")
    void sitePolicyBreachesAreListedToAdministrators() throws Exception {
        String inReception = server.addPatientsOwnRecordingIn("clinician", ALICE, "RECEPTION");
        AuditEntry breachStarted = lastAudit();
        server.addPatientsOwnRecordingIn("clinician", ALICE, "CONSULTING_ROOM_1");
        AuditEntry elsewhereStarted = lastAudit();

        JsonObject list = server.get("admin", "/registers/site-policy-breaches?patient=alice")
                .json()
                .getAsJsonObject();

        assertThat(list.get("total").getAsInt()).isEqualTo(1);
        JsonObject breach = list.getAsJsonArray("entries").get(0).getAsJsonObject();
        assertThat(breach.get("recording").getAsString()).isEqualTo(inReception);
        assertThat(breach.get("areaCode").getAsString()).isEqualTo("RECEPTION");
        assertThat(breach.get("areaName").getAsString()).isEqualTo("Reception");
        assertThat(breach.get("recordedBy").getAsString()).isEqualTo("clinician");
        assertThat(breachStarted.recording().value()).isEqualTo(inReception);
        assertThat(breachStarted.detail()).contains("PAT-3");
        assertThat(elsewhereStarted.detail()).doesNotContain("PAT-3");
        assertThat(server.get("clinician", "/registers/site-policy-breaches").status())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("CON-10: a standing objection blocks recordings of that patient, is noted, and lifts")
    void patientObjectionDrivesCon10() throws Exception {
        Answer recorded = server.post("clinician", "/registers/patient-objections", "{\"patient\":\"alice\"}");
        String id = recorded.json().getAsJsonObject().get("id").getAsString();

        assertThatThrownBy(() -> server.startConsultation("clinician", ALICE))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).contains(ErrorCode.CON_10));
        assertThat(server.notes()).hasSize(1);
        assertThat(server.get("clinician", "/registers/patient-objections?patient=bob")
                        .json()
                        .getAsJsonObject()
                        .get("total")
                        .getAsInt())
                .isZero();

        server.post("clinician", "/registers/patient-objections/" + id + "/lift", null);
        assertThatThrownBy(() -> server.startConsultation("clinician", ALICE))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).doesNotContain(ErrorCode.CON_10));
        assertThat(server.post("clinician", "/registers/patient-objections", "{\"patient\":\"carol\"}")
                        .codes())
                .containsExactly("SAF-4");
    }

    @Test
    @DisplayName("COV-1, COV-2: covert authorisations only by the privileged, with every missing element listed")
    void covertAuthorisations() throws Exception {
        String complete = "{\"patient\":\"bob\",\"authorisingBody\":\"Police\",\"reference\":\"OP-7\","
                + "\"legalBasis\":\"Regulation of Investigatory Powers Act 2000\","
                + "\"justification\":\"PROTECT_FROM_SERIOUS_HARM\",\"noOtherMeans\":true,"
                + "\"validFrom\":\"2025-03-01T00:00:00Z\",\"validUntil\":\"2025-04-01T00:00:00Z\"}";

        Answer unprivileged = server.post("everything-but-covert", "/registers/covert-authorisations", complete);
        Answer incomplete = server.post("covert", "/registers/covert-authorisations", "{\"patient\":\"bob\"}");
        Answer recorded = server.post("covert", "/registers/covert-authorisations", complete);

        assertThat(unprivileged.status()).isEqualTo(403);
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.codes()).hasSizeGreaterThan(3).containsOnly("COV-1");
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(server.get("admin", "/registers/covert-authorisations").codes())
                .containsExactly("COV-2");
        assertThat(server.get("covert", "/registers/covert-authorisations?patient=bob")
                        .json()
                        .getAsJsonObject()
                        .get("total")
                        .getAsInt())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("REC-5: a legal hold is placed with its reference, listed by basis, and lifted with a reason")
    void legalHolds() throws Exception {
        Answer noReference =
                server.post("records", "/registers/legal-holds", "{\"patient\":\"alice\",\"basis\":\"CLAIM\"}");
        Answer placed = server.post(
                "records",
                "/registers/legal-holds",
                "{\"patient\":\"alice\",\"basis\":\"CLAIM\",\"reference\":\"C-1\"}");
        String id = placed.json().getAsJsonObject().get("id").getAsString();

        assertThat(noReference.codes()).containsExactly("REC-5");
        assertThat(server.get("records", "/registers/legal-holds?basis=claim&active=true")
                        .json()
                        .getAsJsonObject()
                        .get("total")
                        .getAsInt())
                .isEqualTo(1);
        Answer lifted = server.post("records", "/registers/legal-holds/" + id + "/lift", "{\"reason\":\"settled\"}");
        assertThat(lifted.json().getAsJsonObject().get("liftReason").getAsString())
                .isEqualTo("settled");
        assertThat(server.get("records", "/registers/legal-holds?active=true")
                        .json()
                        .getAsJsonObject()
                        .get("total")
                        .getAsInt())
                .isZero();
        assertThat(server.post("admin", "/registers/legal-holds/" + id + "/lift", "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    @DisplayName(
            "REC-4, REC-6: the destruction and disclosure registers are listed by their privileges; unknown ids 404")
    void destructionsAndDisclosures() throws Exception {
        assertThat(server.get("records", "/registers/destructions?basis=REC-4").status())
                .isEqualTo(200);
        assertThat(server.get("records", "/registers/disclosures?patient=alice").status())
                .isEqualTo(200);
        assertThat(server.get("clinician", "/registers/destructions").status()).isEqualTo(403);
        Answer unknown = server.post("records", "/registers/destructions", "{\"recording\":\"no-such-recording\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.codes()).containsExactly("NF-1");
        assertThat(server.post("records", "/registers/disclosures", "{}").status())
                .isEqualTo(405);
        assertThat(server.post("nurse", "/registers/staff-objections/nothing/end", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("A register listing is paged: offset and count, the total on every page, the next page's address")
    void listingsArePaged() throws Exception {
        for (String reference : List.of("C-1", "C-2", "C-3")) {
            server.post(
                    "records",
                    "/registers/legal-holds",
                    "{\"patient\":\"alice\",\"basis\":\"CLAIM\",\"reference\":\"" + reference + "\"}");
        }
        server.post(
                "records", "/registers/legal-holds", "{\"patient\":\"bob\",\"basis\":\"CLAIM\",\"reference\":\"B\"}");

        JsonObject first = server.get("records", "/registers/legal-holds?patient=alice&count=2")
                .json()
                .getAsJsonObject();
        String next = first.get("next").getAsString();
        JsonObject second = server.get("records", next.substring(next.indexOf("/registers/")))
                .json()
                .getAsJsonObject();

        assertThat(first.get("total").getAsInt()).isEqualTo(3);
        assertThat(references(first)).containsExactly("C-1", "C-2");
        assertThat(next).contains("patient=alice", "count=2", "offset=2");
        assertThat(second.get("total").getAsInt()).isEqualTo(3);
        assertThat(references(second)).containsExactly("C-3");
        assertThat(second.has("next")).isFalse();
        JsonObject countOnly =
                server.get("records", "/registers/legal-holds?count=0").json().getAsJsonObject();
        assertThat(countOnly.get("total").getAsInt()).isEqualTo(4);
        assertThat(countOnly.getAsJsonArray("entries")).isEmpty();
        Answer badCount = server.get("records", "/registers/legal-holds?count=501");
        Answer badOffset = server.get("records", "/registers/legal-holds?offset=-1");
        assertThat(badCount.status()).isEqualTo(400);
        assertThat(badCount.codes()).containsExactly("SAF-4");
        assertThat(badCount.body()).contains("count");
        assertThat(badOffset.status()).isEqualTo(400);
        assertThat(badOffset.body()).contains("offset");
    }

    private static List<String> references(JsonObject page) {
        List<String> references = new ArrayList<>();
        page.getAsJsonArray("entries")
                .forEach(
                        e -> references.add(e.getAsJsonObject().get("reference").getAsString()));
        return references;
    }

    private AuditEntry lastAudit() {
        var trail = server.auditTrail();
        return trail.get(trail.size() - 1);
    }
}
