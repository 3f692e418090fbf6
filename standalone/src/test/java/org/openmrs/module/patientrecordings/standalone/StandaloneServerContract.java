/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;
import org.openmrs.module.patientrecordings.standalone.testing.TestFiles;
import org.openmrs.module.patientrecordings.storage.filesystem.DurableFiles;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * What the standalone server promises on every database: the real application on a free loopback port with a
 * temporary data directory, reached over HTTP. Each database engine extends this with how to get a fresh database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StandaloneServerContract {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

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
        TestFiles.deleteTree(dataDir);
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
    void theAdministrationApisDescriptionIsPublic() throws Exception {
        HttpResponse<String> response = get("/admin/openapi.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"");
    }

    @Test
    void aRequestWithoutCredentialsIsChallenged() throws Exception {
        HttpResponse<String> response = get("/fhir/Patient", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm="));
    }

    @Test
    @DisplayName("SAF-3: the admin and the demo users sign in with their passwords only; signed in, each reads the"
            + " patient register, which every authenticated user may read")
    void theAdminAndTheDemoUsersPassWithTheirPasswordsOnly() throws Exception {
        List<String> signIns = new ArrayList<>(List.of("admin:" + StandaloneConfig.DEFAULT_ADMIN_PASSWORD));
        for (DemoData.DemoUser user : DemoData.USERS) {
            signIns.add(user.username() + ":" + user.password());
        }
        for (String credentials : signIns) {
            String user = credentials.substring(0, credentials.indexOf(':'));
            HttpResponse<String> signedIn = get("/fhir/Patient", credentials);

            assertThat(signedIn.statusCode()).as(user).isEqualTo(200);
            assertThat(signedIn.headers().firstValue("WWW-Authenticate"))
                    .as(user)
                    .isEmpty();
            assertThat(FHIR.newJsonParser()
                            .parseResource(Bundle.class, signedIn.body())
                            .getType())
                    .as(user)
                    .isEqualTo(Bundle.BundleType.SEARCHSET);
        }
        assertThat(get("/fhir/Patient", "admin:wrong-password").statusCode()).isEqualTo(401);
        assertThat(get("/fhir/Patient", "nobody:" + StandaloneConfig.DEFAULT_ADMIN_PASSWORD)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsAnsweredInTheFormatOfTheApiAskedWithSaf3() throws Exception {
        HttpResponse<String> fhir = get("/fhir/Patient", "admin:wrong-password");
        HttpResponse<String> fhirXml = get("/fhir/Patient?_format=xml", "admin:wrong-password");
        HttpResponse<String> admin = get("/admin/sites", "admin:wrong-password");

        assertThat(fhir.statusCode()).isEqualTo(401);
        assertThat(FHIR.newJsonParser()
                        .parseResource(OperationOutcome.class, fhir.body())
                        .getIssueFirstRep()
                        .getDetails()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("SAF-3");
        assertThat(FHIR.newXmlParser()
                        .parseResource(OperationOutcome.class, fhirXml.body())
                        .getIssueFirstRep()
                        .getDetails()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("SAF-3");
        assertThat(admin.statusCode()).isEqualTo(401);
        assertThat(admin.body()).contains("\"issues\"", "\"code\":\"SAF-3\"");
    }

    @Test
    void whatJettyRefusesBeforeTheApisIsAnsweredInTheirFormat() throws Exception {
        String admin = "admin:" + StandaloneConfig.DEFAULT_ADMIN_PASSWORD;
        for (String path : List.of("/fhir/Media/..%2F..%2Fadmin%2Fsite-policies", "/fhir/Media/a%00b")) {
            HttpResponse<String> refused = get(path, admin);

            assertThat(refused.statusCode()).as(path).isBetween(400, 499);
            assertThat(FHIR.newJsonParser()
                            .parseResource(OperationOutcome.class, refused.body())
                            .getIssueFirstRep()
                            .getDetails()
                            .getCodingFirstRep()
                            .getCode())
                    .as(path)
                    .isIn("SAF-4", "NF-1");
        }
        HttpResponse<String> adminRefused = get("/admin/..%2F..%2Ffhir%2FMedia", admin);
        assertThat(adminRefused.statusCode()).isBetween(400, 499);
        assertThat(adminRefused.body()).contains("\"issues\"", "\"code\":\"SAF-4\"");
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

    @Test
    void aRestartWithoutTheMasterKeyIsRefusedAndCreatesNoOtherKey(@TempDir Path ownDataDir, @TempDir Path backup)
            throws Exception {
        List<String> database = freshDatabase();
        Path masterKey = ownDataDir.resolve("master.key");
        try (StandaloneApplication application = start(ownDataDir, database)) {
            assertThat(application.services().users().count()).isPositive();
        }
        Path kept = Files.move(masterKey, backup.resolve("master.key"));

        assertThatThrownBy(() -> start(ownDataDir, database).close())
                .hasMessageContaining("Master key file " + masterKey + " does not exist, but the content keyset "
                        + ownDataDir.resolve("content-keyset.json") + " does")
                .hasMessageContaining("Restore that master key file from its backup");
        assertThat(masterKey).doesNotExist();

        Files.move(kept, masterKey);
        try (StandaloneApplication application = start(ownDataDir, database)) {
            assertThat(application.services().users().authenticate("admin", StandaloneConfig.DEFAULT_ADMIN_PASSWORD))
                    .isPresent();
        }
    }

    @Test
    void eightConcurrentConditionalCreatesOverHttpStartOneRecordingAndAllReturnIt() throws Exception {
        String identifier = "urn:example:recorder|" + UUID.randomUUID();
        giveConsent(server);

        List<HttpResponse<String>> answers = concurrently(8, i -> conditionalCreate(server, identifier));

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 201);
        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
        assertThat(answers.stream().map(a -> idOf(a.body())).distinct()).hasSize(1);
        assertThat(recordingsWith(server, identifier))
                .containsExactly(idOf(answers.get(0).body()));
    }

    @Test
    void eightConcurrentConditionalCreatesWithDifferentKeysEachStartTheirOwnRecording() throws Exception {
        String prefix = "urn:example:recorder|" + UUID.randomUUID() + "-";
        giveConsent(server);

        List<HttpResponse<String>> answers = concurrently(8, i -> conditionalCreate(server, prefix + i));

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(answers.stream().map(a -> idOf(a.body())).distinct()).hasSize(8);
    }

    /**
     * More concurrent requests than the connection pool could serve if each took its unit of work's connection and
     * then waited for the extra ones its audit entries, host look-ups and conditional create need: every request gets
     * its proper answer, none an error or a timeout.
     */
    @Test
    void fortyConcurrentRequestsOfEveryKindEachGetTheirProperAnswer() throws Exception {
        giveConsent(server);
        String prefix = "urn:example:recorder|" + UUID.randomUUID() + "-";
        HttpResponse<String> existing = conditionalCreate(server, prefix + "existing");
        assertThat(existing.statusCode()).as(existing.body()).isEqualTo(201);
        String mediaId = idOf(existing.body());

        List<HttpResponse<String>> answers = concurrently(40, i -> switch (i % 4) {
            case 0 ->
                send(
                        server,
                        HttpRequest.newBuilder(
                                        uri(server, "/fhir/Media?patient=" + DemoData.ADULT.value() + "&_count=5"))
                                .GET());
            case 1 ->
                send(
                        server,
                        HttpRequest.newBuilder(uri(server, "/fhir/Media/" + mediaId))
                                .GET());
            case 2 ->
                send(
                        server,
                        HttpRequest.newBuilder(uri(server, "/fhir/Consent"))
                                .header("Content-Type", "application/fhir+json")
                                .POST(HttpRequest.BodyPublishers.ofFile(example("consent-given.json"))));
            default -> conditionalCreate(server, prefix + i);
        });

        for (int i = 0; i < answers.size(); i++) {
            HttpResponse<String> answer = answers.get(i);
            int expected = i % 4 < 2 ? 200 : 201;
            assertThat(answer.statusCode())
                    .as("request %d: %s", i, answer.body())
                    .isEqualTo(expected);
        }
        assertThat(IntStream.range(0, answers.size())
                        .filter(i -> i % 4 == 3)
                        .mapToObj(i -> idOf(answers.get(i).body()))
                        .distinct())
                .as("each recording start with its own key starts its own recording")
                .hasSize(10);
    }

    /** CON-8: the note of a consent decision names who recorded it by name and login, not by an internal id. */
    @Test
    void theConsentNoteNamesTheClinicianWhoRecordedIt() throws Exception {
        giveConsent(server);

        var notes = server.services().host().notes().forPatient(DemoData.ADULT);
        String userId =
                server.services().users().find("clinician").orElseThrow().id().value();
        assertThat(notes).isNotEmpty();
        assertThat(notes.get(notes.size() - 1).text())
                .contains("Recorded by Dr Demo Clinician (clinician).")
                .doesNotContain(userId);
    }

    @Test
    void aRefusedConditionalCreateKeepsNoKeyAndAnotherAfterARestartReturnsTheSameRecording(@TempDir Path ownDataDir)
            throws Exception {
        List<String> database = freshDatabase();
        String identifier = "urn:example:recorder|" + UUID.randomUUID();
        HttpResponse<String> refused;
        HttpResponse<String> first;
        try (StandaloneApplication application = start(ownDataDir, database)) {
            refused = conditionalCreate(application, identifier);
            giveConsent(application);
            first = conditionalCreate(application, identifier);
        }

        try (StandaloneApplication restarted = start(ownDataDir, database)) {
            HttpResponse<String> again = conditionalCreate(restarted, identifier);
            HttpResponse<String> read = send(
                    restarted,
                    HttpRequest.newBuilder(uri(restarted, "/fhir/Media/" + idOf(first.body())))
                            .GET());

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("\"code\":\"CON-1\"");
            assertThat(first.statusCode()).as("a refused create keeps no key").isEqualTo(201);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(idOf(again.body())).isEqualTo(idOf(first.body()));
            assertThat(read.body())
                    .contains("\"identifier\":[{\"system\":\"urn:example:recorder\",\"value\":\""
                            + identifier.substring(identifier.indexOf('|') + 1) + "\"}]");
            assertThat(recordingsWith(restarted, identifier)).containsExactly(idOf(first.body()));
        }
    }

    @Test
    void twoServersOnOneDatabaseStartOneRecordingForOneKey(@TempDir Path firstData, @TempDir Path secondData)
            throws Exception {
        List<String> database = freshDatabase();
        Assumptions.assumeFalse(database.isEmpty(), "the embedded H2 file database serves one process at a time");
        String identifier = "urn:example:recorder|" + UUID.randomUUID();
        try (StandaloneApplication one = start(firstData, database);
                StandaloneApplication two = start(secondData, database)) {
            giveConsent(one);

            List<HttpResponse<String>> answers =
                    concurrently(8, i -> conditionalCreate(i % 2 == 0 ? one : two, identifier));

            assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
            assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 201);
            assertThat(answers.stream().map(a -> idOf(a.body())).distinct()).hasSize(1);
            assertThat(recordingsWith(two, identifier))
                    .containsExactly(idOf(answers.get(0).body()));
        }
    }

    /**
     * SAF-4: the committed chunks of an upload are kept in the database, so that a client continues after the server
     * restarts, where the server says: a chunk from the start is refused naming the next byte expected.
     */
    @Test
    void aChunkedUploadContinuesAfterARestartWhereTheServerSays(@TempDir Path ownDataDir) throws Exception {
        List<String> database = freshDatabase();
        byte[] content = randomContent(300_017);
        String id;
        try (StandaloneApplication application = start(ownDataDir, database)) {
            giveConsent(application);
            id = startRecording(application);
            HttpResponse<String> first = uploadChunk(application, id, content, 0, 100_000, false);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(first.headers().firstValue("Upload-Offset")).contains("100000");
        }

        try (StandaloneApplication restarted = start(ownDataDir, database)) {
            HttpResponse<String> fromTheStart = uploadChunk(restarted, id, content, 0, 100_000, false);
            assertThat(fromTheStart.statusCode()).isEqualTo(400);
            assertThat(fromTheStart.body())
                    .contains("\"code\":\"SAF-4\"", "This chunk starts at 0; the next byte expected is 100000");
            long resumeAt =
                    Long.parseLong(fromTheStart.body().replaceAll("(?s).*the next byte expected is (\\d+).*", "$1"));

            HttpResponse<String> second = uploadChunk(restarted, id, content, resumeAt, 200_000, false);
            assertThat(second.headers().firstValue("Upload-Offset")).contains("200000");
            HttpResponse<String> last = uploadChunk(restarted, id, content, 200_000, content.length, true);
            assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
            assertThat(last.headers().firstValue("Upload-Offset")).contains(Integer.toString(content.length));

            assertCompletedWithContent(restarted, id, content);
            assertThat(storedObjects(ownDataDir))
                    .as("the three chunks as stored are the content, with the list of them: nothing assembled")
                    .isEqualTo(4);
        }
    }

    /**
     * SAF-4: the digests of the whole content are carried from chunk to chunk in the server's memory; a restart
     * before the last chunk loses them, and the server computes them once from the chunks stored. The content then
     * reads whole and in a range over the chunks' boundaries.
     */
    @Test
    void anUploadWhoseLastChunkArrivesAfterARestartCompletesWithTheWholeContentsDigests(@TempDir Path ownDataDir)
            throws Exception {
        List<String> database = freshDatabase();
        byte[] content = randomContent(300_017);
        String id;
        try (StandaloneApplication application = start(ownDataDir, database)) {
            giveConsent(application);
            id = startRecording(application);
            assertThat(uploadChunk(application, id, content, 0, 100_000, false).statusCode())
                    .isEqualTo(200);
            assertThat(uploadChunk(application, id, content, 100_000, 200_000, false)
                            .statusCode())
                    .isEqualTo(200);
        }

        try (StandaloneApplication restarted = start(ownDataDir, database)) {
            HttpResponse<String> last = uploadChunk(restarted, id, content, 200_000, content.length, true);
            assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
            assertThat(last.body())
                    .as("FHIR's SHA-1 of the whole content")
                    .contains(Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-1").digest(content)));

            assertCompletedWithContent(restarted, id, content);
            HttpResponse<byte[]> range = http.send(
                    HttpRequest.newBuilder(uri(restarted, "/fhir/Binary/" + id + "-content"))
                            .header("Authorization", basic("clinician:Clinician123"))
                            .header("Range", "bytes=99990-200009")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(Arrays.copyOfRange(content, 99_990, 200_010));
        }
    }

    /** The committed objects in a data directory's content store (temporary files are hidden). */
    private static long storedObjects(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir.resolve("content"))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .count();
        }
    }

    /**
     * SAF-4: two servers on one database and one content store serve one upload: a chunk through either continues
     * it, and of two chunks sent at the same offset through both, one is committed and the other refused.
     */
    @Test
    void twoServersOnOneDatabaseContinueOneUpload(@TempDir Path sharedData) throws Exception {
        List<String> database = freshDatabase();
        Assumptions.assumeFalse(database.isEmpty(), "the embedded H2 file database serves one process at a time");
        byte[] content = randomContent(250_003);
        try (StandaloneApplication one = start(sharedData, database);
                StandaloneApplication two = start(sharedData, database)) {
            giveConsent(one);
            String id = startRecording(one);

            HttpResponse<String> first = uploadChunk(one, id, content, 0, 100_000, false);
            assertThat(first.headers().firstValue("Upload-Offset")).contains("100000");
            HttpResponse<String> second = uploadChunk(two, id, content, 100_000, 200_000, false);
            assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
            assertThat(second.headers().firstValue("Upload-Offset")).contains("200000");

            List<HttpResponse<String>> racing =
                    concurrently(2, i -> uploadChunk(i == 0 ? one : two, id, content, 200_000, content.length, true));
            assertThat(racing).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 400);
            assertThat(racing)
                    .filteredOn(r -> r.statusCode() == 400)
                    .singleElement()
                    .satisfies(refused -> assertThat(refused.body())
                            .contains("\"code\":\"SAF-4\"", "This chunk starts at 200000; the next byte expected is "));

            assertCompletedWithContent(two, id, content);
        }
    }

    private String startRecording(StandaloneApplication application) throws Exception {
        HttpResponse<String> started = send(
                application,
                HttpRequest.newBuilder(uri(application, "/fhir/Media"))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofFile(example("recording-start.json"))));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return idOf(started.body());
    }

    /** Sends bytes {@code from} (inclusive) to {@code to} (exclusive); the total only with the last chunk. */
    private HttpResponse<String> uploadChunk(
            StandaloneApplication application, String id, byte[] content, long from, long to, boolean last)
            throws Exception {
        return send(
                application,
                HttpRequest.newBuilder(uri(application, "/fhir/Media/" + id + "/$binary-access-write"))
                        .header("Content-Type", "video/webm")
                        .header(
                                "Content-Range",
                                "bytes " + from + "-" + (to - 1) + "/"
                                        + (last ? Integer.toString(content.length) : "*"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                Arrays.copyOfRange(content, (int) from, (int) to))));
    }

    /** Completes the recording, downloads its content and compares it, and its SHA-256, with what was sent. */
    private void assertCompletedWithContent(StandaloneApplication application, String id, byte[] content)
            throws Exception {
        HttpResponse<String> completed = send(
                application,
                HttpRequest.newBuilder(uri(application, "/fhir/Media/" + id + "/$complete"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        HttpResponse<byte[]> download = http.send(
                HttpRequest.newBuilder(uri(application, "/fhir/Media/" + id + "/$binary-access-read"))
                        .header("Authorization", basic("clinician:Clinician123"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String sent = sha256(content);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).hasSize(content.length).isEqualTo(content);
        assertThat(sha256(download.body())).isEqualTo(sent);
        assertThat(download.headers().firstValue("ETag"))
                .hasValueSatisfying(etag -> assertThat(etag).contains(sent));
    }

    private static byte[] randomContent(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return content;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The clinician records the demo patient's consent, so that recordings of her consultation may start. */
    private void giveConsent(StandaloneApplication application) throws Exception {
        HttpResponse<String> consent = send(
                application,
                HttpRequest.newBuilder(uri(application, "/fhir/Consent"))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofFile(example("consent-given.json"))));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
    }

    private HttpResponse<String> conditionalCreate(StandaloneApplication application, String identifier)
            throws Exception {
        return send(
                application,
                HttpRequest.newBuilder(uri(application, "/fhir/Media"))
                        .header("Content-Type", "application/fhir+json")
                        .header("If-None-Exist", "identifier=" + identifier)
                        .POST(HttpRequest.BodyPublishers.ofFile(example("recording-start.json"))));
    }

    /** The ids of the demo patient's recordings that carry the identifier. */
    private List<String> recordingsWith(StandaloneApplication application, String identifier) throws Exception {
        String value = identifier.substring(identifier.indexOf('|') + 1);
        HttpResponse<String> found = send(
                application,
                HttpRequest.newBuilder(
                                uri(application, "/fhir/Media?patient=" + DemoData.ADULT.value() + "&_count=200"))
                        .GET());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, found.body()).getEntry().stream()
                .map(e -> (Media) e.getResource())
                .filter(m -> m.getIdentifier().stream()
                        .anyMatch(i -> "urn:example:recorder".equals(i.getSystem()) && value.equals(i.getValue())))
                .map(m -> m.getIdElement().getIdPart())
                .toList();
    }

    private HttpResponse<String> send(StandaloneApplication application, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return http.send(
                request.header("Authorization", basic("clinician:Clinician123"))
                        .header("Accept", "application/fhir+json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(StandaloneApplication application, String path) {
        return URI.create("http://127.0.0.1:" + application.port() + path);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String idOf(String resource) {
        return FhirContext.forR4Cached()
                .newJsonParser()
                .parseResource(resource)
                .getIdElement()
                .getIdPart();
    }

    /** A request body of the README's examples, in {@code docs/examples} at the repository root. */
    static Path example(String name) {
        return TestFiles.example(name);
    }

    /** Runs {@code call} on {@code threads} threads released together, and returns their results in thread order. */
    static <T> List<T> concurrently(int threads, IndexedCall<T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return call.call(index);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One thread's request; {@code index} tells the threads apart. */
    @FunctionalInterface
    interface IndexedCall<T> {
        T call(int index) throws Exception;
    }

    /**
     * Starts the real application on a free loopback port over the data directory given.
     *
     * @param settings further settings as {@code --name=value}: the database's, or others
     */
    static StandaloneApplication start(Path data, List<String> settings) {
        List<String> args = new ArrayList<>(List.of("--port=0", "--bind-address=127.0.0.1", "--data-dir=" + data));
        args.addAll(settings);
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
