/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.web.admin.AdminApiServer.Answer;

@DisplayName("The OpenAPI description matches the endpoints the servlet serves")
class OpenApiIT {

    private final AdminApiServer server = new AdminApiServer();

    OpenApiIT() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("the document is served, and describes exactly the endpoints the servlet serves")
    void documentMatchesTheServlet() throws Exception {
        Answer document = server.get(null, "/openapi.json");

        assertThat(document.status()).isEqualTo(200);
        assertThat(operations(document.json().getAsJsonObject()))
                .containsExactlyInAnyOrderElementsOf(server.servlet().endpoints());
    }

    @Test
    @DisplayName("every operation of the document answers: neither 404 for want of an endpoint nor 405")
    void everyOperationAnswers() throws Exception {
        Map<String, String> ids = Map.of(
                "staff-objections", id("/registers/staff-objections", "{\"staff\":\"admin\"}"),
                "patient-objections", id("/registers/patient-objections", "{\"patient\":\"alice\"}"),
                "covert-authorisations", id("/registers/covert-authorisations", covert()),
                "legal-holds",
                        id("/registers/legal-holds", "{\"patient\":\"bob\",\"basis\":\"CLAIM\",\"reference\":\"C\"}"));
        List<String> failures = new ArrayList<>();
        for (String operation :
                operations(server.get(null, "/openapi.json").json().getAsJsonObject())) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            String path = template.replace("{site}", "riverside")
                    .replace("{n}", "1")
                    .replace("{index}", "0")
                    .replace("{code}", "RECEPTION")
                    .replace("{jurisdiction}", "ENGLAND")
                    .replace("{recordClass}", "GENERAL")
                    .replace(
                            "{id}",
                            ids.getOrDefault(template.split("/").length > 2 ? template.split("/")[2] : "", "-"));
            if (path.endsWith("/diff")) {
                path += "?from=1&to=1";
            }
            Answer answer = server.send("everything", method, path, method.equals("GET") ? null : "{}");
            if (answer.status() == 405 || answer.status() == 404) {
                failures.add(operation + " answered " + answer.status() + " " + answer.body());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    @DisplayName("every paged listing the document describes answers with the members it says are required")
    void pagedListingsAnswerAsDescribed() throws Exception {
        JsonObject document = server.get(null, "/openapi.json").json().getAsJsonObject();
        List<String> checked = new ArrayList<>();
        for (var path : document.getAsJsonObject("paths").entrySet()) {
            JsonObject get = path.getValue().getAsJsonObject().getAsJsonObject("get");
            if (get == null
                    || path.getKey().contains("{")
                    || !get.toString().contains("#/components/parameters/count")) {
                continue;
            }
            JsonObject schema = get.getAsJsonObject("responses")
                    .getAsJsonObject("200")
                    .getAsJsonObject("content")
                    .getAsJsonObject("application/json")
                    .getAsJsonObject("schema");
            Answer answer = server.get("everything", path.getKey() + "?offset=0&count=1");
            assertThat(answer.status()).as(path.getKey() + " " + answer.body()).isEqualTo(200);
            JsonObject body = answer.json().getAsJsonObject();
            schema.getAsJsonArray("required")
                    .forEach(member -> assertThat(body.has(member.getAsString()))
                            .as(path.getKey() + " answers " + member)
                            .isTrue());
            assertThat(body.get("count").getAsInt()).isEqualTo(1);
            checked.add(path.getKey());
        }
        assertThat(checked)
                .containsExactlyInAnyOrder(
                        "/registers/staff-objections",
                        "/registers/patient-objections",
                        "/registers/covert-authorisations",
                        "/registers/legal-holds",
                        "/registers/destructions",
                        "/registers/disclosures",
                        "/registers/site-policy-breaches");
    }

    @Test
    @DisplayName("a path the API does not have is NF-1 404; a method it does not allow is 405 with Allow")
    void unknownPathAndMethod() throws Exception {
        Answer nowhere = server.get("admin", "/nowhere");
        Answer wrongMethod = server.send("admin", "PATCH", "/sites/riverside/policy", "{}");

        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.codes()).containsExactly("NF-1");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET, PUT");
    }

    private String id(String register, String body) throws Exception {
        Answer created = server.post("everything", register, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getAsJsonObject().get("id").getAsString();
    }

    private static String covert() {
        return "{\"patient\":\"bob\",\"authorisingBody\":\"Police\",\"reference\":\"OP-7\","
                + "\"legalBasis\":\"Regulation of Investigatory Powers Act 2000\","
                + "\"justification\":\"INVESTIGATE_SERIOUS_CRIME\",\"noOtherMeans\":true,"
                + "\"validFrom\":\"2025-03-01T00:00:00Z\",\"validUntil\":\"2025-04-01T00:00:00Z\"}";
    }

    private static List<String> operations(JsonObject document) {
        List<String> operations = new ArrayList<>();
        document.getAsJsonObject("paths")
                .entrySet()
                .forEach(path -> path.getValue()
                        .getAsJsonObject()
                        .keySet()
                        .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }
}
