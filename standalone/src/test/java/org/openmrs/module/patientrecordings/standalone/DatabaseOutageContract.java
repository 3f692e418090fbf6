/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.standalone.testing.CuttableProxy;
import org.openmrs.module.patientrecordings.standalone.testing.TestFiles;

/**
 * The standalone server while its database server goes away and comes back, the connection cut between them: every
 * request meanwhile gets a clean 503 in its endpoint's format with {@code Retry-After}, never a 500; nothing
 * half-written stays; and once the database is reachable again the server answers as before, without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseOutageContract {

    private static final Pattern HOST_AND_PORT = Pattern.compile("//([^:/?]+):([0-9]+)/");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private ServerDatabases databases;
    private CuttableProxy proxy;
    private Path dataDir;
    private StandaloneApplication server;

    abstract DatabaseEngine engine();

    @BeforeAll
    void startServerBehindARelay() throws IOException {
        databases = new ServerDatabases(engine());
        List<String> flags = new ArrayList<>();
        for (String flag : databases.fresh()) {
            Matcher target = HOST_AND_PORT.matcher(flag);
            if (flag.startsWith("--jdbc-url=") && target.find()) {
                proxy = CuttableProxy.to(target.group(1), Integer.parseInt(target.group(2)));
                flag = target.replaceFirst("//127.0.0.1:" + proxy.port() + "/");
            }
            flags.add(flag);
        }
        assertThat(proxy)
                .as("the database URL names a host and port: %s", flags)
                .isNotNull();
        dataDir = Files.createTempDirectory("outage-it");
        server = StandaloneServerContract.start(dataDir, flags);
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (databases != null) {
            databases.close();
        }
        TestFiles.deleteTree(dataDir);
    }

    @Test
    void whileTheDatabaseIsCutEveryRequestGets503AndChangesNothingAndTheServerRecoversByItself() throws Exception {
        assertThat(giveConsent().statusCode()).isEqualTo(201);
        int consentsBefore = consentCount();

        proxy.cut();
        List<HttpResponse<String>> during = StandaloneServerContract.concurrently(4, i -> switch (i) {
            case 0 -> giveConsent();
            case 1 -> send(get("/fhir/Media?patient=" + DemoData.ADULT.value()));
            case 2 -> send(get("/admin/sites"));
            default ->
                http.send(HttpRequest.newBuilder(uri("/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        });
        proxy.restore();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = during.get(i);
            assertThat(answer.statusCode())
                    .as("request %d: %s", i, answer.body())
                    .isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After"))
                    .as("request %d", i)
                    .contains("5");
            assertThat(answer.body()).as("request %d", i).contains("The database is unavailable");
        }
        assertThat(during.get(0).body()).contains("\"resourceType\":\"OperationOutcome\"", "\"transient\"");
        assertThat(during.get(1).body()).contains("\"resourceType\":\"OperationOutcome\"");
        assertThat(during.get(2).headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(during.get(3).statusCode()).as(during.get(3).body()).isEqualTo(503);
        assertThat(during.get(3).body()).contains("\"database\":{\"ok\":false}");

        HttpResponse<String> again = awaitRecovery();
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(consentCount())
                .as("the consent refused during the outage was not written")
                .isEqualTo(consentsBefore);
        assertThat(giveConsent().statusCode()).isEqualTo(201);
        assertThat(consentCount()).isEqualTo(consentsBefore + 1);
        HttpResponse<String> health =
                http.send(HttpRequest.newBuilder(uri("/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    }

    private HttpResponse<String> awaitRecovery() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> answer;
        do {
            answer = send(get("/fhir/Consent?patient=" + DemoData.ADULT.value() + "&_count=200"));
            if (answer.statusCode() != 503) {
                return answer;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return answer;
    }

    private int consentCount() throws Exception {
        HttpResponse<String> found = send(get("/fhir/Consent?patient=" + DemoData.ADULT.value() + "&_count=200"));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        Matcher total = Pattern.compile("\"total\":([0-9]+)").matcher(found.body());
        assertThat(total.find()).as(found.body()).isTrue();
        return Integer.parseInt(total.group(1));
    }

    private HttpResponse<String> giveConsent() throws Exception {
        return send(HttpRequest.newBuilder(uri("/fhir/Consent"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofFile(TestFiles.example("consent-given.json"))));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        "clinician:Clinician123".getBytes(StandardCharsets.UTF_8)))
                        .header("Accept", "application/fhir+json")
                        .timeout(Duration.ofSeconds(90))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
