/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Privilege.AUTHORISE_COVERT;
import static org.openmrs.module.patientrecordings.domain.Privilege.CREATE_RECORDINGS;
import static org.openmrs.module.patientrecordings.domain.Privilege.DISCLOSE_RECORDINGS;
import static org.openmrs.module.patientrecordings.domain.Privilege.MANAGE_CONSENT;
import static org.openmrs.module.patientrecordings.domain.Privilege.MANAGE_LEGAL_HOLDS;
import static org.openmrs.module.patientrecordings.domain.Privilege.MANAGE_POLICY;
import static org.openmrs.module.patientrecordings.domain.Privilege.MANAGE_RECORDS;
import static org.openmrs.module.patientrecordings.domain.Privilege.VIEW_AUDIT;
import static org.openmrs.module.patientrecordings.domain.Privilege.VIEW_RECORDINGS;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;
import org.openmrs.module.patientrecordings.standalone.testing.TestFiles;

/**
 * SAF-3 as a matrix over the running standalone server: every administration endpoint its OpenAPI document
 * describes, and the audit trail's FHIR interactions, against a user of each privilege set (none, clinician, records
 * manager, auditor, covert authoriser, administrator). Each endpoint's row in {@link #ADMIN} or {@link #AUDIT} names
 * the privileges that admit it; a user holding one of them must not be refused (400, 404 or 422 for the made-up
 * input are fine), any other user gets 403 naming SAF-3 or COV-2, and the refusal is in the audit trail. An endpoint
 * the server serves without a row fails the test, so a new endpoint cannot go unchecked. The privilege checks do not
 * depend on the database, so H2 stands for all engines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIT {

    /** Anyone, signed in or not. */
    private static final Set<Privilege> PUBLIC = EnumSet.allOf(Privilege.class);

    /** Administration endpoint ("METHOD template", as in the OpenAPI document) to the privileges that admit it. */
    private static final Map<String, Set<Privilege>> ADMIN = Map.ofEntries(
            entry("GET /openapi.json", PUBLIC),
            entry("GET /default-policy", EnumSet.of(MANAGE_POLICY)),
            entry("PUT /default-policy", EnumSet.of(MANAGE_POLICY)),
            entry("GET /default-policy/versions", EnumSet.of(MANAGE_POLICY)),
            entry("GET /default-policy/versions/{n}", EnumSet.of(MANAGE_POLICY)),
            entry("GET /default-policy/diff", EnumSet.of(MANAGE_POLICY)),
            entry("GET /sites", EnumSet.of(MANAGE_POLICY, CREATE_RECORDINGS, MANAGE_CONSENT, VIEW_RECORDINGS)),
            entry("GET /sites/{site}/policy", EnumSet.of(MANAGE_POLICY)),
            entry("PUT /sites/{site}/policy", EnumSet.of(MANAGE_POLICY)),
            entry("GET /sites/{site}/policy/versions", EnumSet.of(MANAGE_POLICY)),
            entry("GET /sites/{site}/policy/versions/{n}", EnumSet.of(MANAGE_POLICY)),
            entry("GET /sites/{site}/policy/diff", EnumSet.of(MANAGE_POLICY)),
            entry(
                    "GET /sites/{site}/telephone/notices",
                    EnumSet.of(MANAGE_POLICY, CREATE_RECORDINGS, MANAGE_CONSENT, VIEW_RECORDINGS)),
            entry("POST /sites/{site}/telephone/notices", EnumSet.of(MANAGE_POLICY)),
            entry("POST /sites/{site}/telephone/notices/{index}/end", EnumSet.of(MANAGE_POLICY)),
            entry(
                    "GET /sites/{site}/no-filming-areas",
                    EnumSet.of(MANAGE_POLICY, CREATE_RECORDINGS, MANAGE_CONSENT, VIEW_RECORDINGS)),
            entry("PUT /sites/{site}/no-filming-areas/{code}", EnumSet.of(MANAGE_POLICY)),
            entry("DELETE /sites/{site}/no-filming-areas/{code}", EnumSet.of(MANAGE_POLICY)),
            entry("GET /policies/export", EnumSet.of(MANAGE_POLICY)),
            entry("POST /policies/import", EnumSet.of(MANAGE_POLICY)),
            entry("GET /retention-schedules", EnumSet.of(MANAGE_POLICY)),
            entry("GET /retention-schedules/{jurisdiction}", EnumSet.of(MANAGE_POLICY)),
            entry("PUT /retention-schedules/{jurisdiction}", EnumSet.of(MANAGE_POLICY)),
            entry("GET /retention-schedules/{jurisdiction}/versions", EnumSet.of(MANAGE_POLICY)),
            entry("PUT /retention-schedules/{jurisdiction}/classes/{recordClass}", EnumSet.of(MANAGE_POLICY)),
            entry("GET /registers/staff-objections", EnumSet.of(MANAGE_POLICY)),
            // STF-1: staff object for themselves; for someone else, as here, only with the policy privilege.
            entry("POST /registers/staff-objections", EnumSet.of(MANAGE_POLICY)),
            entry("POST /registers/staff-objections/{id}/end", EnumSet.of(MANAGE_POLICY)),
            entry("GET /registers/patient-objections", EnumSet.of(MANAGE_CONSENT)),
            entry("POST /registers/patient-objections", EnumSet.of(MANAGE_CONSENT)),
            entry("POST /registers/patient-objections/{id}/lift", EnumSet.of(MANAGE_CONSENT)),
            entry("GET /registers/covert-authorisations", EnumSet.of(AUTHORISE_COVERT)),
            entry("POST /registers/covert-authorisations", EnumSet.of(AUTHORISE_COVERT)),
            entry("POST /registers/covert-authorisations/{id}/end", EnumSet.of(AUTHORISE_COVERT)),
            entry("GET /registers/legal-holds", EnumSet.of(MANAGE_LEGAL_HOLDS)),
            entry("POST /registers/legal-holds", EnumSet.of(MANAGE_LEGAL_HOLDS)),
            entry("POST /registers/legal-holds/{id}/lift", EnumSet.of(MANAGE_LEGAL_HOLDS)),
            entry("GET /registers/destructions", EnumSet.of(MANAGE_RECORDS)),
            entry("POST /registers/destructions", EnumSet.of(MANAGE_RECORDS)),
            entry("GET /registers/disclosures", EnumSet.of(DISCLOSE_RECORDINGS)));

    /** The audit trail's FHIR interactions (as "Type interaction" or "Type $operation") to what admits them. */
    private static final Map<String, Set<Privilege>> AUDIT = Map.of(
            "AuditEvent read", EnumSet.of(VIEW_AUDIT),
            "AuditEvent search-type", EnumSet.of(VIEW_AUDIT),
            "AuditEvent $verify-chain", EnumSet.of(VIEW_AUDIT));

    private static final Map<String, String> AUDIT_REQUESTS = Map.of(
            "AuditEvent read", "/fhir/AuditEvent/1",
            "AuditEvent search-type", "/fhir/AuditEvent?_count=5",
            "AuditEvent $verify-chain", "/fhir/AuditEvent/$verify-chain");

    private static final String ADMIN_CREDENTIALS = "admin:" + StandaloneConfig.DEFAULT_ADMIN_PASSWORD;
    private static final String PATIENT = DemoData.ADULT.value();
    private static final Instant TODAY = Instant.now().truncatedTo(ChronoUnit.DAYS);
    private static final String SOMEONE_ELSE = "00000000-0000-4000-8000-000000000001";

    private final HttpClient http = HttpClient.newHttpClient();

    private Path dataDir;
    private StandaloneApplication server;
    private List<User> users;

    /** A user of the matrix: a privilege set, signed in with HTTP Basic. */
    private record User(String name, String password, Set<Privilege> privileges, UserId id) {
        String credentials() {
            return name + ":" + password;
        }

        boolean admittedBy(Set<Privilege> row) {
            return row == PUBLIC || privileges.stream().anyMatch(row::contains);
        }
    }

    @BeforeAll
    void startServer() throws IOException {
        dataDir = Files.createTempDirectory("authorisation-matrix-it");
        server = StandaloneServerContract.start(dataDir, List.of());
        var accounts = server.services().users();
        accounts.createIfAbsent("nobody", "No Privileges", "Nobody123", EnumSet.noneOf(Privilege.class));
        accounts.createIfAbsent(
                "covert", "Covert Authoriser", "Covert123", EnumSet.of(AUTHORISE_COVERT, VIEW_RECORDINGS));
        users = new ArrayList<>();
        users.add(user("nobody", "Nobody123"));
        for (DemoData.DemoUser demo : DemoData.USERS) {
            users.add(user(demo.username(), demo.password()));
        }
        users.add(user("covert", "Covert123"));
        users.add(user("admin", StandaloneConfig.DEFAULT_ADMIN_PASSWORD));
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        TestFiles.deleteTree(dataDir);
    }

    @Test
    void theTableHasARowForEveryAdministrationEndpointTheServerDescribes() throws Exception {
        assertThat(new TreeSet<>(ADMIN.keySet())).isEqualTo(describedAdministrationEndpoints());
    }

    @Test
    void theTableHasARowForEveryInteractionOfTheAuditTrail() throws Exception {
        JsonObject capability = JsonParser.parseString(
                        send("GET", "/fhir/metadata?_format=json", null, null).body())
                .getAsJsonObject();
        Set<String> served = new TreeSet<>();
        for (JsonElement rest : capability.getAsJsonArray("rest")) {
            for (JsonElement resource : rest.getAsJsonObject().getAsJsonArray("resource")) {
                JsonObject r = resource.getAsJsonObject();
                if (!"AuditEvent".equals(r.get("type").getAsString())) {
                    continue;
                }
                if (r.has("interaction")) {
                    r.getAsJsonArray("interaction")
                            .forEach(i -> served.add("AuditEvent "
                                    + i.getAsJsonObject().get("code").getAsString()));
                }
                if (r.has("operation")) {
                    r.getAsJsonArray("operation")
                            .forEach(o -> served.add("AuditEvent $"
                                    + o.getAsJsonObject().get("name").getAsString()));
                }
            }
        }
        assertThat(new TreeSet<>(AUDIT.keySet())).isEqualTo(served);
    }

    @Test
    void everyAdministrationEndpointAdmitsExactlyTheUsersItsRowNames_SAF3() throws Exception {
        Map<String, String> ids = Map.of(
                "staff-objections", created("/registers/staff-objections", "{\"staff\":\"" + SOMEONE_ELSE + "\"}"),
                "patient-objections", created("/registers/patient-objections", "{\"patient\":\"" + PATIENT + "\"}"),
                "covert-authorisations", created("/registers/covert-authorisations", covert()),
                "legal-holds",
                        created(
                                "/registers/legal-holds",
                                "{\"patient\":\"" + PATIENT + "\",\"basis\":\"CLAIM\",\"reference\":\"C-1\"}"));
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, Set<Privilege>> row : new java.util.TreeMap<>(ADMIN).entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String template = row.getKey().substring(row.getKey().indexOf(' ') + 1);
            for (User user : refusedFirst(row.getValue())) {
                cells++;
                check(
                        wrong,
                        row.getKey(),
                        user,
                        row.getValue(),
                        method,
                        "/admin" + path(template, ids),
                        body(template));
            }
        }
        assertThat(cells).isEqualTo(ADMIN.size() * users.size());
        assertThat(wrong).isEmpty();
    }

    @Test
    void theAuditTrailAdmitsAuditorsOnly_SAF3() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<Privilege>> row : AUDIT.entrySet()) {
            for (User user : refusedFirst(row.getValue())) {
                check(wrong, row.getKey(), user, row.getValue(), "GET", AUDIT_REQUESTS.get(row.getKey()), null);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Refused users first, so that an admitted change (ending a register entry) cannot hide a refusal. */
    private List<User> refusedFirst(Set<Privilege> row) {
        return users.stream()
                .sorted(Comparator.comparing(u -> u.admittedBy(row)))
                .toList();
    }

    private void check(
            List<String> wrong, String row, User user, Set<Privilege> admits, String method, String path, String body)
            throws Exception {
        long refusalsBefore = refusalsOf(user);
        HttpResponse<String> answer = send(method, path, user.credentials(), body);
        String cell = row + " as " + user.name() + ": " + answer.statusCode();
        if (user.admittedBy(admits)) {
            if (answer.statusCode() == 401 || answer.statusCode() == 403 || answer.statusCode() >= 500) {
                wrong.add(cell + " but should be admitted: " + answer.body());
            }
            return;
        }
        if (answer.statusCode() != 403) {
            wrong.add(cell + " but should be refused with 403: " + answer.body());
            return;
        }
        if (!answer.body().contains("SAF-3") && !answer.body().contains("COV-2")) {
            wrong.add(cell + " without naming SAF-3 or COV-2: " + answer.body());
        }
        if (refusalsOf(user) != refusalsBefore + 1) {
            wrong.add(cell + " but the refusal is not audited once");
        }
    }

    private long refusalsOf(User user) {
        return server
                .services()
                .audit()
                .search(AuditQuery.all().byUser(user.id()).page(0, AuditQuery.MAX_LIMIT))
                .entries()
                .stream()
                .map(StoredAuditEntry::entry)
                .filter(e -> !e.outcome().succeeded())
                .count();
    }

    private Set<String> describedAdministrationEndpoints() throws Exception {
        JsonObject document = JsonParser.parseString(
                        send("GET", "/admin/openapi.json", null, null).body())
                .getAsJsonObject();
        Set<String> described = new TreeSet<>();
        for (Map.Entry<String, JsonElement> path :
                document.getAsJsonObject("paths").entrySet()) {
            for (String method : path.getValue().getAsJsonObject().keySet()) {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    described.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return described;
    }

    private String created(String register, String body) throws Exception {
        HttpResponse<String> created = send("POST", "/admin" + register, ADMIN_CREDENTIALS, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonParser.parseString(created.body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
    }

    private static String path(String template, Map<String, String> ids) {
        String register = template.split("/").length > 2 ? template.split("/")[2] : "";
        return template.replace("{site}", DemoData.SITE.value())
                .replace("{n}", "1")
                .replace("{index}", "0")
                .replace("{code}", "RECEPTION")
                .replace("{jurisdiction}", "ENGLAND")
                .replace("{recordClass}", "CONSULTATION")
                .replace("{id}", ids.getOrDefault(register, "unknown"));
    }

    /** A body that passes the privilege check and, where the service decides (STF-1), asks for someone else. */
    private static String body(String template) {
        return switch (template) {
            case "/registers/staff-objections" -> "{\"staff\":\"" + SOMEONE_ELSE + "\"}";
            default -> "{}";
        };
    }

    private static String covert() {
        return "{\"patient\":\"" + PATIENT + "\",\"authorisingBody\":\"Police\",\"reference\":\"OP-7\","
                + "\"legalBasis\":\"Regulation of Investigatory Powers Act 2000\","
                + "\"justification\":\"INVESTIGATE_SERIOUS_CRIME\",\"noOtherMeans\":true,"
                + "\"validFrom\":\"" + TODAY.minus(1, ChronoUnit.DAYS) + "\",\"validUntil\":\""
                + TODAY.plus(30, ChronoUnit.DAYS) + "\"}";
    }

    private User user(String name, String password) {
        var account = server.services().users().find(name).orElseThrow();
        return new User(name, password, account.privileges(), account.id());
    }

    private HttpResponse<String> send(String method, String path, String credentials, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
