/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;
import org.openmrs.module.patientrecordings.standalone.testing.TestFiles;

/**
 * The administration API and the registers against the running standalone server, over HTTP, as the demo users:
 * site policy versions and their diff (POL-2), policy files (all problems listed, nothing applied; export, import,
 * the same policy), privilege refusals audited (SAF-3, SAF-2), and each register driving its rule through the FHIR
 * API (STF-1, CON-10, REC-5, COV-1) until it is ended. Each database engine extends this with how to get a fresh
 * database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AdministrationContract {

    private static final String ADMIN = "admin:" + StandaloneConfig.DEFAULT_ADMIN_PASSWORD;
    private static final String CLINICIAN = "clinician:Clinician123";
    private static final String RECORDS = "records:Records123";
    private static final String AUDITOR = "auditor:Auditor123";
    private static final String POLICY = "/admin/sites/" + DemoData.SITE + "/policy";
    private static final String PARAMETERS = "{\"resourceType\":\"Parameters\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    private Path dataDir;
    private List<String> database;
    private StandaloneApplication server;

    /** Flags selecting a fresh, empty database of the engine under test; none for the default H2 file database. */
    protected abstract List<String> freshDatabase();

    @BeforeAll
    void startServer() throws IOException {
        dataDir = Files.createTempDirectory("administration-it");
        database = freshDatabase();
        server = StandaloneServerContract.start(dataDir, database);
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        TestFiles.deleteTree(dataDir);
    }

    @Test
    @Order(1)
    @DisplayName("POL-2: a change is a new version; every version stays readable; the diff names what changed")
    void versionHistoryAndDiff() throws Exception {
        Answer current = send("GET", POLICY, ADMIN, null);
        int before = current.json().get("version").getAsInt();
        JsonObject changed = current.json().deepCopy();
        changed.addProperty("cliniciansMayRecordConsultations", false);

        Answer saved = send("PUT", POLICY, ADMIN, changed.toString(), "If-Match", "\"" + before + "\"");
        Answer stale = send("PUT", POLICY, ADMIN, changed.toString(), "If-Match", "\"" + before + "\"");
        Answer versions = send("GET", POLICY + "/versions", ADMIN, null);
        Answer diff = send("GET", POLICY + "/diff?from=" + before + "&to=" + (before + 1), ADMIN, null);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("version").getAsInt()).isEqualTo(before + 1);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.codes()).containsExactly("VER-1");
        assertThat(versions.json().getAsJsonArray("versions")).hasSize(before + 1);
        assertThat(send("GET", POLICY + "/versions/" + before, ADMIN, null)
                        .json()
                        .get("cliniciansMayRecordConsultations")
                        .getAsBoolean())
                .isTrue();
        assertThat(diff.json().getAsJsonArray("changes"))
                .extracting(c -> c.getAsJsonObject().get("path").getAsString())
                .containsExactly("cliniciansMayRecordConsultations");

        Answer restored = send("PUT", POLICY, ADMIN, current.body(), "If-Match", "\"" + (before + 1) + "\"");
        assertThat(restored.json().get("version").getAsInt()).isEqualTo(before + 2);
        assertThat(restored.json().get("cliniciansMayRecordConsultations").getAsBoolean())
                .isTrue();
    }

    @Test
    @Order(2)
    @DisplayName("POL-2: an import with several errors lists each with its path and applies nothing")
    void anImportWithSeveralErrorsAppliesNothing() throws Exception {
        int versions = versions();
        JsonObject file = send("GET", "/admin/policies/export", ADMIN, null).json();
        JsonObject site = file.getAsJsonArray("sites").get(0).getAsJsonObject();
        site.addProperty(
                "cliniciansMayRecordConsultations",
                !site.get("cliniciansMayRecordConsultations").getAsBoolean());
        site.addProperty("missingNote", "SOMETIMES");
        site.getAsJsonArray("allowedKinds").add("HOLOGRAM");
        file.addProperty("comment", "not a member of the format");

        Answer refused = send("POST", "/admin/policies/import", ADMIN, file.toString());

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.codes()).as(refused.body()).isNotEmpty().containsOnly("SAF-4");
        assertThat(refused.paths()).contains("sites[0].missingNote", "comment");
        assertThat(refused.paths()).anySatisfy(p -> assertThat(p).startsWith("sites[0].allowedKinds"));
        assertThat(versions()).isEqualTo(versions);
    }

    @Test
    @Order(3)
    @DisplayName("POL-2: export, import: the same policy, and no new version; a changed file is one new version")
    void exportImportRoundTrip() throws Exception {
        JsonObject before = send("GET", POLICY, ADMIN, null).json();
        String file = send("GET", "/admin/policies/export?site=" + DemoData.SITE, ADMIN, null)
                .body();

        Answer same = send("POST", "/admin/policies/import", ADMIN, file);

        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().getAsJsonArray("outcomes"))
                .extracting(o -> o.getAsJsonObject().get("status").getAsString())
                .containsOnly("UNCHANGED");
        assertThat(send("GET", POLICY, ADMIN, null).json()).isEqualTo(before);

        JsonObject edited = JsonParser.parseString(file).getAsJsonObject();
        edited.getAsJsonArray("sites").get(0).getAsJsonObject().addProperty("missingNote", "BLOCK");
        Answer changed = send("POST", "/admin/policies/import", ADMIN, edited.toString());
        Answer again = send("POST", "/admin/policies/import", ADMIN, edited.toString());

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(send("GET", POLICY, ADMIN, null).json().get("version").getAsInt())
                .isEqualTo(before.get("version").getAsInt() + 1);
        assertThat(again.json().getAsJsonArray("outcomes"))
                .extracting(o -> o.getAsJsonObject().get("status").getAsString())
                .containsOnly("UNCHANGED");
        assertThat(versions()).isEqualTo(before.get("version").getAsInt() + 1);
    }

    @Test
    @Order(4)
    @DisplayName("SAF-3: an auditor or a clinician changing the policy is refused, and the auditor sees the refusal")
    void privilegeRefusalsAreAudited() throws Exception {
        int versions = versions();
        String body = send("GET", POLICY, ADMIN, null).body();

        Answer auditor = send("PUT", POLICY, AUDITOR, body);
        Answer clinician = send("POST", "/admin/policies/import", CLINICIAN, "{}");
        Answer covert = send("GET", "/admin/registers/covert-authorisations", RECORDS, null);

        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.codes()).containsExactly("SAF-3");
        assertThat(clinician.status()).isEqualTo(403);
        assertThat(clinician.codes()).containsExactly("SAF-3");
        assertThat(covert.status()).isEqualTo(403);
        assertThat(covert.codes()).containsExactly("COV-2");
        assertThat(versions()).isEqualTo(versions);
        assertThat(refusals("auditor")).anySatisfy(e -> assertThat(e).contains("SAF-3"));
        assertThat(refusals("clinician")).anySatisfy(e -> assertThat(e).contains("SAF-3"));
    }

    @Test
    @Order(5)
    @DisplayName(
            "STF-1, CON-10: an objection refuses a recording start through FHIR, is a Consent, and ending it lifts it")
    void objectionsDriveTheirRules() throws Exception {
        assertThat(fhir("POST", "/fhir/Consent", CLINICIAN, example("consent-given.json"))
                        .status())
                .isEqualTo(201);
        String staff = userIdOf(CLINICIAN);

        Answer objection =
                send("POST", "/admin/registers/staff-objections", CLINICIAN, "{\"staff\":\"" + staff + "\"}");
        String staffObjection = objection.json().get("id").getAsString();
        Answer refusedStaff = fhir("POST", "/fhir/Media", CLINICIAN, example("recording-start.json"));
        Answer asConsent =
                fhir("GET", "/fhir/Consent?category=STAFF_OBJECTION&actor=Practitioner/" + staff, ADMIN, null);
        send("POST", "/admin/registers/staff-objections/" + staffObjection + "/end", CLINICIAN, null);
        Answer ended = fhir("GET", "/fhir/Consent/staff-objection-" + staffObjection, ADMIN, null);
        Answer started = fhir("POST", "/fhir/Media", CLINICIAN, example("recording-start.json"));

        assertThat(objection.status()).as(objection.body()).isEqualTo(201);
        assertThat(refusedStaff.status()).isEqualTo(422);
        assertThat(refusedStaff.fhirCodes()).contains("STF-1");
        assertThat(asConsent.json().get("total").getAsInt()).isEqualTo(1);
        assertThat(ended.json().get("status").getAsString()).isEqualTo("inactive");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        stop(started.json().get("id").getAsString(), CLINICIAN);

        String patient = DemoData.ADULT.value();
        Answer standing =
                send("POST", "/admin/registers/patient-objections", CLINICIAN, "{\"patient\":\"" + patient + "\"}");
        String standingObjection = standing.json().get("id").getAsString();
        Answer refusedPatient = fhir("POST", "/fhir/Media", CLINICIAN, example("recording-start.json"));
        Answer recordingConsents = fhir("GET", "/fhir/Consent?patient=" + patient, CLINICIAN, null);
        Answer objections =
                fhir("GET", "/fhir/Consent?patient=" + patient + "&category=STANDING_OBJECTION", CLINICIAN, null);
        send("POST", "/admin/registers/patient-objections/" + standingObjection + "/lift", CLINICIAN, null);
        Answer startedAgain = fhir("POST", "/fhir/Media", CLINICIAN, example("recording-start.json"));

        assertThat(standing.status()).as(standing.body()).isEqualTo(201);
        assertThat(refusedPatient.status()).isEqualTo(422);
        assertThat(refusedPatient.fhirCodes()).contains("CON-10");
        assertThat(categories(recordingConsents)).containsOnly("RECORDING");
        assertThat(categories(objections)).containsExactly("STANDING_OBJECTION");
        assertThat(startedAgain.status()).as(startedAgain.body()).isEqualTo(201);
        stop(startedAgain.json().get("id").getAsString(), CLINICIAN);
    }

    @Test
    @Order(6)
    @DisplayName("REC-5: a legal hold refuses the destruction of sealed content; it is a Flag; lifted, it lets it go")
    void aLegalHoldRefusesDestruction() throws Exception {
        String patient = DemoData.ADULT.value();
        Answer consent = fhir("POST", "/fhir/Consent", CLINICIAN, example("consent-given.json"));
        Answer started = fhir("POST", "/fhir/Media", CLINICIAN, example("recording-start.json"));
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String recording = started.json().get("id").getAsString();
        withdrawEveryConsent(patient);
        Answer hold = send(
                "POST",
                "/admin/registers/legal-holds",
                RECORDS,
                "{\"patient\":\"" + patient + "\",\"basis\":\"COMPLAINT\",\"reference\":\"PALS-1\"}");
        String holdId = hold.json().get("id").getAsString();

        Answer refused = send("POST", "/admin/registers/destructions", RECORDS, destroy(recording));
        Answer flags = fhir("GET", "/fhir/Flag?patient=" + patient + "&status=active", RECORDS, null);
        Answer flagOfClinician = fhir("GET", "/fhir/Flag/" + holdId, CLINICIAN, null);
        send("POST", "/admin/registers/legal-holds/" + holdId + "/lift", RECORDS, "{\"reason\":\"resolved\"}");
        Answer lifted = fhir("GET", "/fhir/Flag/" + holdId, RECORDS, null);
        Answer destroyed = send("POST", "/admin/registers/destructions", RECORDS, destroy(recording));

        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.codes()).contains("REC-5");
        assertThat(flags.json().get("total").getAsInt()).isEqualTo(1);
        assertThat(flagOfClinician.status()).isEqualTo(403);
        assertThat(lifted.json().get("status").getAsString()).isEqualTo("inactive");
        assertThat(auditTrailOf(RECORDS))
                .as("SAF-2: the Flag reads are audited against the patient")
                .anySatisfy(e -> assertThat(e).contains("LegalHold " + holdId + " read", "Patient/" + patient));
        assertThat(refusals("clinician")).anySatisfy(e -> assertThat(e).contains("LegalHold read", "SAF-3"));
        assertThat(destroyed.status()).as(destroyed.body()).isEqualTo(201);
        assertThat(destroyed.json().get("recording").getAsString()).isEqualTo(recording);
        Answer disposals =
                fhir("GET", "/fhir/AuditEvent?patient=" + patient + "&action=DISPOSE&_count=200", AUDITOR, null);
        assertThat(disposals.body())
                .as("REC-4: the destruction is found as an AuditEvent")
                .contains("Media/" + recording, "action DISPOSE; under CON-5");
    }

    @Test
    @Order(7)
    @DisplayName(
            "COV-1: a covert authorisation enables a covert recording, seen only with the privilege; ended, it refuses")
    void aCovertAuthorisationEnablesACovertRecording() throws Exception {
        String patient = DemoData.ADULT.value();
        String covert = example("recording-start.json").replace("\"OVERT\"", "\"COVERT\"");
        Answer without = fhir("POST", "/fhir/Media", ADMIN, covert);
        Instant now = Instant.now();
        Answer authorised = send(
                "POST",
                "/admin/registers/covert-authorisations",
                ADMIN,
                "{\"patient\":\"" + patient + "\",\"authorisingBody\":\"Police\",\"reference\":\"OP-7\","
                        + "\"legalBasis\":\"RIPA_2000\",\"justification\":\"INVESTIGATE_SERIOUS_CRIME\","
                        + "\"noOtherMeans\":true,\"validFrom\":\"" + now.minus(1, ChronoUnit.HOURS)
                        + "\",\"validUntil\":\"" + now.plus(1, ChronoUnit.DAYS) + "\"}");
        String id = authorised.json().get("id").getAsString();
        Answer with = fhir("POST", "/fhir/Media", ADMIN, covert);
        String search = "/fhir/Consent?patient=" + patient + "&category=STANDING_OBJECTION,COVERT_AUTHORISATION";
        Answer privileged = fhir("GET", search, ADMIN, null);
        Answer unprivileged = fhir("GET", search, CLINICIAN, null);
        Answer readUnprivileged = fhir("GET", "/fhir/Consent/covert-authorisation-" + id, CLINICIAN, null);
        send("POST", "/admin/registers/covert-authorisations/" + id + "/end", ADMIN, null);
        Answer ended = fhir("POST", "/fhir/Media", ADMIN, covert);

        assertThat(without.status()).isEqualTo(422);
        assertThat(without.fhirCodes()).contains("COV-1");
        assertThat(authorised.status()).as(authorised.body()).isEqualTo(201);
        assertThat(with.status()).as(with.body()).isEqualTo(201);
        stop(with.json().get("id").getAsString(), ADMIN);
        assertThat(categories(privileged)).contains("COVERT_AUTHORISATION");
        assertThat(categories(unprivileged)).doesNotContain("COVERT_AUTHORISATION");
        assertThat(unprivileged.json().get("total").getAsInt())
                .isEqualTo(categories(unprivileged).size());
        assertThat(readUnprivileged.status()).isEqualTo(403);
        assertThat(readUnprivileged.fhirCodes()).containsExactly("COV-2");
        assertThat(ended.status()).isEqualTo(422);
        assertThat(ended.fhirCodes()).contains("COV-1");
    }

    @Test
    @Order(8)
    @DisplayName("REC-2: an administered retention schedule is kept across a restart, with its versions")
    void anAdministeredRetentionScheduleSurvivesARestart() throws Exception {
        String maternity = "/admin/retention-schedules/ENGLAND/classes/MATERNITY";
        Answer changed = send("PUT", maternity, ADMIN, "{\"rule\":\"yearsAfterLastTreatment\",\"years\":30}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        int version = changed.json().get("version").getAsInt();

        server.close();
        server = StandaloneServerContract.start(dataDir, database);

        JsonObject england =
                send("GET", "/admin/retention-schedules/ENGLAND", ADMIN, null).json();
        assertThat(england.get("version").getAsInt()).isEqualTo(version).isPositive();
        assertThat(england.getAsJsonObject("classes")
                        .getAsJsonObject("MATERNITY")
                        .get("years")
                        .getAsInt())
                .isEqualTo(30);
        assertThat(send("GET", "/admin/retention-schedules/ENGLAND/versions", ADMIN, null)
                        .json()
                        .getAsJsonArray("versions"))
                .hasSize(version);
    }

    @Test
    @Order(9)
    @DisplayName("POL-2: an import whose third site is changed meanwhile (VER-1) leaves the first two unchanged")
    void anImportIsOneTransactionAcrossSites() throws Exception {
        List<String> sites = List.of("atomic-a", "atomic-b", "atomic-c");
        JsonObject policy = send("GET", POLICY, ADMIN, null).json();
        for (String site : sites) {
            server.services().host().sites().create(SiteId.of(site), "Site " + site);
            policy.addProperty("site", site);
            Answer created = send("PUT", "/admin/sites/" + site + "/policy", ADMIN, policy.toString());
            assertThat(created.status()).as(created.body()).isEqualTo(200);
        }
        JsonObject file = send("GET", "/admin/policies/export", ADMIN, null).json();
        file.getAsJsonArray("sites").forEach(site -> {
            JsonObject p = site.getAsJsonObject();
            if (sites.contains(p.get("site").getAsString())) {
                p.addProperty("cliniciansMayRecordConsultations", false);
            }
        });

        Answer imported;
        try (Connection competitor = server.services().database().dataSource().getConnection()) {
            competitor.setAutoCommit(false);
            try (PreparedStatement insert = competitor.prepareStatement("INSERT INTO patientrecordings_site_policy"
                    + " (site_id, policy_version, clinicians_may_record, telephone_enabled, jurisdiction, record_class,"
                    + " missing_note, settings) SELECT site_id, 2, clinicians_may_record, telephone_enabled,"
                    + " jurisdiction, record_class, missing_note, settings FROM patientrecordings_site_policy"
                    + " WHERE site_id = ? AND policy_version = 1")) {
                insert.setString(1, "atomic-c");
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Answer> importing =
                    CompletableFuture.supplyAsync(() -> sendUnchecked("POST", "/admin/policies/import", file));
            assertThat(waitFor(importing, Duration.ofSeconds(2)))
                    .as("the import waits for the competing version of its third site")
                    .isFalse();
            competitor.commit();
            imported = importing.get(60, TimeUnit.SECONDS);
        }

        assertThat(imported.status()).as(imported.body()).isEqualTo(409);
        assertThat(imported.codes()).containsExactly("VER-1");
        for (String site : List.of("atomic-a", "atomic-b")) {
            JsonObject current =
                    send("GET", "/admin/sites/" + site + "/policy", ADMIN, null).json();
            assertThat(current.get("version").getAsInt()).as(site).isEqualTo(1);
            assertThat(current.get("cliniciansMayRecordConsultations").getAsBoolean())
                    .as(site)
                    .isTrue();
        }
        assertThat(send("GET", "/admin/sites/atomic-c/policy/versions", ADMIN, null)
                        .json()
                        .getAsJsonArray("versions"))
                .as("only the competing change's version")
                .hasSize(2);
    }

    /** @return whether the request completed within the time */
    private static boolean waitFor(CompletableFuture<Answer> request, Duration time) throws Exception {
        try {
            request.get(time.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillWaiting) {
            return false;
        }
    }

    private Answer sendUnchecked(String method, String path, JsonObject body) {
        try {
            return send(method, path, ADMIN, body.toString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of versions of the demo site's policy. */
    private int versions() throws Exception {
        return send("GET", POLICY + "/versions", ADMIN, null)
                .json()
                .getAsJsonArray("versions")
                .size();
    }

    /** The audit trail's refused entries of a user, as the auditor reads them through FHIR, each as JSON text. */
    private List<String> refusals(String user) throws Exception {
        return auditTrailOf(user).stream()
                .filter(event -> !"0"
                        .equals(JsonParser.parseString(event)
                                .getAsJsonObject()
                                .get("outcome")
                                .getAsString()))
                .toList();
    }

    /** The audit trail's entries of a user, newest first, as the auditor reads them through FHIR, as JSON text. */
    private List<String> auditTrailOf(String user) throws Exception {
        Answer events =
                fhir("GET", "/fhir/AuditEvent?agent=Practitioner/" + userIdOf(user) + "&_count=200", AUDITOR, null);
        assertThat(events.status()).as(events.body()).isEqualTo(200);
        List<String> trail = new ArrayList<>();
        JsonArray entries = events.json().getAsJsonArray("entry");
        if (entries != null) {
            entries.forEach(e ->
                    trail.add(e.getAsJsonObject().getAsJsonObject("resource").toString()));
        }
        return trail;
    }

    /** The id the server knows a user by: the practitioner operating a recording, here from the user table. */
    private String userIdOf(String credentials) {
        String name = credentials.contains(":") ? credentials.substring(0, credentials.indexOf(':')) : credentials;
        return server.services().users().find(name).orElseThrow().id().value();
    }

    /** Stops a recording as the user who started it, so that the encounter is free for the next. */
    private void stop(String media, String credentials) throws Exception {
        Answer stopped = fhir("POST", "/fhir/Media/" + media + "/$stop", credentials, PARAMETERS);
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
    }

    /** Withdraws every recording consent of the patient in force (CON-5): their recordings in progress are sealed. */
    private void withdrawEveryConsent(String patient) throws Exception {
        Answer active = fhir("GET", "/fhir/Consent?patient=" + patient + "&status=active&_count=100", CLINICIAN, null);
        JsonArray entries = active.json().getAsJsonArray("entry");
        assertThat(entries).as(active.body()).isNotNull();
        for (JsonElement entry : entries) {
            String id = entry.getAsJsonObject()
                    .getAsJsonObject("resource")
                    .get("id")
                    .getAsString();
            Answer withdrawn = fhir("POST", "/fhir/Consent/" + id + "/$withdraw", CLINICIAN, PARAMETERS);
            assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        }
    }

    private static String destroy(String recording) {
        return "{\"recording\":\"" + recording + "\"}";
    }

    private static List<String> categories(Answer bundle) {
        List<String> codes = new ArrayList<>();
        JsonArray entries = bundle.json().getAsJsonArray("entry");
        if (entries != null) {
            entries.forEach(e -> e.getAsJsonObject()
                    .getAsJsonObject("resource")
                    .getAsJsonArray("category")
                    .forEach(c -> c.getAsJsonObject().getAsJsonArray("coding").forEach(coding -> {
                        JsonObject o = coding.getAsJsonObject();
                        if (o.get("system").getAsString().endsWith("/CodeSystem/consent-category")) {
                            codes.add(o.get("code").getAsString());
                        }
                    })));
        }
        return codes;
    }

    /** A request body of the README's examples. */
    private static String example(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs").resolve("examples"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("the repository root above " + Path.of("").toAbsolutePath())
                .isNotNull();
        return Files.readString(dir.resolve("docs").resolve("examples").resolve(name));
    }

    private Answer fhir(String method, String path, String credentials, String body) throws Exception {
        return send(
                method,
                path,
                credentials,
                body,
                "Content-Type",
                "application/fhir+json",
                "Accept",
                "application/fhir+json");
    }

    private Answer send(String method, String path, String credentials, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        if (body != null && headers.length == 0) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** An answer: its status and body. */
    private record Answer(int status, String body) {

        JsonObject json() {
            JsonElement parsed = JsonParser.parseString(body);
            assertThat(parsed.isJsonObject()).as(body).isTrue();
            return parsed.getAsJsonObject();
        }

        /** The rule codes of an administration API refusal. */
        List<String> codes() {
            return issues("code");
        }

        /** The paths of an administration API refusal's issues. */
        List<String> paths() {
            return issues("path");
        }

        private List<String> issues(String member) {
            List<String> values = new ArrayList<>();
            JsonArray issues = json().getAsJsonArray("issues");
            assertThat(issues).as(body).isNotNull();
            issues.forEach(i -> {
                JsonElement value = i.getAsJsonObject().get(member);
                if (value != null) {
                    values.add(value.getAsString());
                }
            });
            return values;
        }

        /** The rule codes of a FHIR OperationOutcome. */
        List<String> fhirCodes() {
            List<String> codes = new ArrayList<>();
            JsonObject outcome = json();
            assertThat(outcome.get("resourceType").getAsString()).as(body).isEqualTo("OperationOutcome");
            outcome.getAsJsonArray("issue").forEach(i -> {
                JsonObject details = i.getAsJsonObject().getAsJsonObject("details");
                if (details != null && details.has("coding")) {
                    details.getAsJsonArray("coding")
                            .forEach(c ->
                                    codes.add(c.getAsJsonObject().get("code").getAsString()));
                }
            });
            return codes;
        }
    }
}
