/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.web.admin.AdminApiServer.Answer;

/**
 * SAF-3 across the whole administration API: a signed-in user with none of the module's privileges is refused by
 * every endpoint but the API's description, and every refusal is in the audit trail.
 */
@DisplayName("Every administration endpoint checks its privilege")
class AdminAccessIT {

    private static final String NOBODY = "nobody";

    private final AdminApiServer server = new AdminApiServer();

    AdminAccessIT() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("a user without privileges gets 403 from every endpoint, and each refusal is audited")
    void everyEndpointRefusesAUserWithoutPrivilegesAndAuditsIt() throws Exception {
        Map<String, String> ids = Map.of(
                "staff-objections", created("/registers/staff-objections", "{\"staff\":\"clinician\"}"),
                "patient-objections", created("/registers/patient-objections", "{\"patient\":\"alice\"}"),
                "covert-authorisations", created("/registers/covert-authorisations", covert()),
                "legal-holds",
                        created(
                                "/registers/legal-holds",
                                "{\"patient\":\"bob\",\"basis\":\"CLAIM\",\"reference\":\"C-1\"}"));
        List<String> endpoints = server.servlet().endpoints();
        assertThat(endpoints).hasSizeGreaterThan(30);
        List<String> admitted = new ArrayList<>();
        for (String endpoint : endpoints) {
            if (endpoint.equals("GET /openapi.json")) {
                continue;
            }
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = endpoint.substring(endpoint.indexOf(' ') + 1);
            int audited = refusalsOfNobody().size();

            Answer answer = server.send(NOBODY, method, path(template, ids), body(method, template));

            if (answer.status() != 403) {
                admitted.add(endpoint + " answered " + answer.status() + " " + answer.body());
                continue;
            }
            assertThat(answer.codes()).as(endpoint).containsAnyOf("SAF-3", "COV-2");
            assertThat(refusalsOfNobody())
                    .as("the refusal of %s is audited", endpoint)
                    .hasSize(audited + 1);
        }
        assertThat(admitted).isEmpty();
    }

    @Test
    @DisplayName("the privilege admits: the administrator reads the sites and their policies")
    void theAdministratorIsAdmitted() throws Exception {
        assertThat(server.get("admin", "/sites").status()).isEqualTo(200);
        assertThat(server.get("admin", "/sites/riverside/policy").status()).isEqualTo(200);
        assertThat(server.get("admin", "/retention-schedules").status()).isEqualTo(200);
        assertThat(server.get("admin", "/policies/export").status()).isEqualTo(200);
    }

    @Test
    @DisplayName(
            "a clinician sees the sites, their no-filming areas and notices before recording, but not the policies;"
                    + " they record their own objection to being recorded")
    void aClinicianSeesWhatMattersBeforeRecordingButReadsNoPolicy() throws Exception {
        Answer sites = server.get("clinician", "/sites");
        Answer areas = server.get("clinician", "/sites/riverside/no-filming-areas");
        Answer notices = server.get("clinician", "/sites/riverside/telephone/notices");
        Answer policy = server.get("clinician", "/sites/riverside/policy");
        Answer addArea = server.send(
                "clinician", "PUT", "/sites/riverside/no-filming-areas/RECEPTION", "{\"label\":\"Reception\"}");
        Answer own = server.post("clinician", "/registers/staff-objections", "{\"staff\":\"clinician\"}");

        assertThat(sites.status()).as(sites.body()).isEqualTo(200);
        assertThat(areas.status()).as(areas.body()).isEqualTo(200);
        assertThat(notices.status()).as(notices.body()).isEqualTo(200);
        assertThat(policy.status()).isEqualTo(403);
        assertThat(policy.codes()).containsExactly("SAF-3");
        assertThat(addArea.status()).isEqualTo(403);
        assertThat(own.status()).as(own.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("nobody unauthenticated reaches an endpoint, but anyone reads the API's description")
    void onlyTheDescriptionIsPublic() throws Exception {
        assertThat(server.get(null, "/sites").status()).isEqualTo(403);
        assertThat(server.get(null, "/openapi.json").status()).isEqualTo(200);
        assertThat(server.servlet().access())
                .allSatisfy((endpoint, access) -> assertThat(access instanceof Access.Public)
                        .as(endpoint)
                        .isEqualTo(endpoint.equals("GET /openapi.json")));
    }

    private List<AuditEntry> refusalsOfNobody() {
        return server.auditTrail().stream()
                .filter(e -> e.user().equals(UserId.of(NOBODY)))
                .filter(e -> !e.outcome().succeeded())
                .filter(e -> e.outcome().codes().contains(ErrorCode.SAF_3)
                        || e.outcome().codes().contains(ErrorCode.COV_2))
                .toList();
    }

    private String created(String register, String body) throws Exception {
        Answer created = server.post("everything", register, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getAsJsonObject().get("id").getAsString();
    }

    private static String path(String template, Map<String, String> ids) {
        String register = template.split("/").length > 2 ? template.split("/")[2] : "";
        String path = template.replace("{site}", "riverside")
                .replace("{n}", "1")
                .replace("{index}", "0")
                .replace("{code}", "RECEPTION")
                .replace("{jurisdiction}", "ENGLAND")
                .replace("{recordClass}", "GP")
                .replace("{id}", ids.getOrDefault(register, "-"));
        return path.endsWith("/diff") ? path + "?from=1&to=1" : path;
    }

    /**
     * A body that would be accepted from someone with the privilege, so that nothing but the privilege is missing;
     * for a staff objection, one about somebody else (STF-1 lets a staff member record their own).
     */
    private static String body(String method, String template) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return null;
        }
        return switch (template) {
            case "/registers/staff-objections" -> "{\"staff\":\"clinician\"}";
            case "/registers/patient-objections" -> "{\"patient\":\"alice\"}";
            case "/registers/covert-authorisations" -> covert();
            case "/registers/legal-holds" -> "{\"patient\":\"bob\",\"basis\":\"CLAIM\",\"reference\":\"C-2\"}";
            case "/registers/legal-holds/{id}/lift" -> "{\"reason\":\"Claim settled\"}";
            case "/registers/destructions" -> "{\"recording\":\"" + UUID.randomUUID() + "\"}";
            default -> "{}";
        };
    }

    private static String covert() {
        return "{\"patient\":\"bob\",\"authorisingBody\":\"Police\",\"reference\":\"OP-7\","
                + "\"legalBasis\":\"Regulation of Investigatory Powers Act 2000\","
                + "\"justification\":\"INVESTIGATE_SERIOUS_CRIME\",\"noOtherMeans\":true,"
                + "\"validFrom\":\"2025-03-01T00:00:00Z\",\"validUntil\":\"2025-04-01T00:00:00Z\"}";
    }
}
