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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;
import org.openmrs.module.patientrecordings.storage.filesystem.DurableFiles;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * What the standalone server promises on every database: the real application on a free loopback port with a
 * temporary data directory, reached over HTTP. Each database engine extends this with how to get a fresh database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StandaloneServerContract {

    private final HttpClient http = HttpClient.newHttpClient();

    private Path dataDir;
    private StandaloneApplication server;

    /** Flags selecting a fresh, empty database of the engine under test; none for the default H2 file database. */
    protected abstract List<String> freshDatabase();

    @BeforeAll
    void startServer() throws IOException {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        dataDir = Files.createTempDirectory("standalone-it");
        server = start(dataDir, freshDatabase());
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void healthAnswersUpAsJsonWithoutCredentials() throws Exception {
        HttpResponse<String> response = get("/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
                .contains("\"status\":\"UP\"", "\"database\":{\"ok\":true}", "\"store\":{\"ok\":true}", "\"version\":");
    }

    @Test
    void theCapabilityStatementIsPublic() throws Exception {
        HttpResponse<String> response = get("/fhir/metadata?_format=json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"resourceType\":\"CapabilityStatement\"", "\"fhirVersion\":\"4.0.1\"");
    }

    @Test
    void aRequestWithoutCredentialsIsChallenged() throws Exception {
        HttpResponse<String> response = get("/fhir/Patient", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm="));
    }

    @Test
    void theAdminAndTheDemoUsersPassWithTheirPasswordsOnly() throws Exception {
        assertThat(get("/fhir/Patient", "admin:" + StandaloneConfig.DEFAULT_ADMIN_PASSWORD)
                        .statusCode())
                .isNotEqualTo(401);
        for (DemoData.DemoUser user : DemoData.USERS) {
            assertThat(get("/fhir/Patient", user.username() + ":" + user.password())
                            .statusCode())
                    .as(user.username())
                    .isNotEqualTo(401);
        }
        assertThat(get("/fhir/Patient", "admin:wrong-password").statusCode()).isEqualTo(401);
        assertThat(get("/fhir/Patient", "nobody:" + StandaloneConfig.DEFAULT_ADMIN_PASSWORD)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aRestartOnTheSameDataKeepsUsersDemoDataAndTheMasterKey(@TempDir Path ownDataDir) throws Exception {
        List<String> database = freshDatabase();
        Path masterKey = ownDataDir.resolve("master.key");
        Snapshot first;
        try (StandaloneApplication application = start(ownDataDir, database)) {
            first = Snapshot.of(application.services());
        }
        byte[] keyAfterFirstStart = Files.readAllBytes(masterKey);

        try (StandaloneApplication application = start(ownDataDir, database)) {
            assertThat(Snapshot.of(application.services())).isEqualTo(first);
            assertThat(application.services().users().authenticate("admin", StandaloneConfig.DEFAULT_ADMIN_PASSWORD))
                    .isPresent();
        }

        assertThat(first.users()).isEqualTo(1 + DemoData.USERS.size());
        assertThat(first.patients()).isEqualTo(3);
        assertThat(first.policyVersions()).isEqualTo(1);
        assertThat(first.consultationNotes()).isEqualTo(1);
        assertThat(Files.readAllBytes(masterKey)).isEqualTo(keyAfterFirstStart);
        if (DurableFiles.isPosix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(masterKey)))
                    .isEqualTo("rw-------");
        }
    }

    /** Starts the real application on a free loopback port over the data directory and database given. */
    static StandaloneApplication start(Path data, List<String> database) {
        List<String> args = new ArrayList<>(List.of("--port=0", "--bind-address=127.0.0.1", "--data-dir=" + data));
        args.addAll(database);
        return StandaloneApplication.start(StandaloneConfig.parse(args, Map.of(), data));
    }

    private HttpResponse<String> get(String path, String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What first start creates, counted. */
    private record Snapshot(
            long users, long patients, int sites, int encounters, int consultationNotes, int policyVersions) {

        static Snapshot of(Services services) {
            return new Snapshot(
                    services.users().count(),
                    services.host().patients().count(),
                    services.host().sites().search(null, 0, 100).size(),
                    services.host()
                            .encounters()
                            .forPatient(DemoData.ADULT, 0, 100)
                            .size(),
                    services.host().notes().forEncounter(DemoData.CONSULTATION).size(),
                    services.sitePolicies().versions(DemoData.SITE).size());
        }
    }
}
