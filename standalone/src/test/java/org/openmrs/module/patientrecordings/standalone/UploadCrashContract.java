/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.ingest.DatabaseContentReferences;
import org.openmrs.module.patientrecordings.persistence.DatabaseSettings;
import org.openmrs.module.patientrecordings.persistence.PersistentRepositories;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.storage.ContentSweeper;
import org.openmrs.module.patientrecordings.storage.SweepReport;
import org.openmrs.module.patientrecordings.storage.filesystem.FilesystemContentBackend;

/**
 * SIGKILL during a chunked upload's last steps and during a consent withdrawal, black box: the runnable jar runs in a
 * child process over one data directory and one database for the whole run, is driven over HTTP as a recorder would
 * drive it, and is killed with SIGKILL at a seeded random moment of the operation under test, round after round. The
 * rounds alternate between two scenarios:
 *
 * <ul>
 *   <li>{@link Scenario#COMPLETE}: the last chunk (which assembles the content), a short pause, then {@code $complete};
 *       the kill falls during the last chunk, between it and {@code $complete}, during {@code $complete} or after;
 *   <li>{@link Scenario#WITHDRAW}: chunks keep arriving while the patient's consent is withdrawn (CON-5, CON-6); the
 *       kill falls during the chunks, during the withdrawal or after.
 * </ul>
 *
 * <p>After each kill the content store is swept with no grace period (in this process, over the same directory and
 * database, as the server's own sweep would after its grace period) and the server is started again. Then, over
 * HTTP: every recording completed in an earlier round reads back with its SHA-256; the recording under test is either
 * complete with exactly the bytes sent or shows no content at all, and the client finishes it by resuming from the
 * next byte the server expects; a withdrawal is either in force with the recording sealed and its content unreadable,
 * or not in force with the recording still in progress (then it is sent again); an acknowledged step is never lost;
 * the store holds no temporary object after the sweep; and the audit chain verifies ({@code AuditEvent/$verify-chain}).
 *
 * <p>System properties: {@code crash.upload.kills} the kills per scenario (10 on each database, so 20 per scenario over H2 and PostgreSQL; the bench profile 100), {@code
 * crash.seed} repeats a run (the summary line prints the seed used).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UploadCrashContract {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String CLINICIAN = "clinician:Clinician123";
    private static final String AUDITOR = "auditor:Auditor123";
    private static final Pattern NEXT_BYTE = Pattern.compile("the next byte expected is (\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private static final String WITHDRAWAL = readExample("withdraw.json");

    /** The kill falls up to this much later than the operation took in the round before. */
    private static final double KILL_WINDOW_FACTOR = 1.3;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @TempDir
    Path directory;

    /** The database of the run, over a data directory the server keeps its H2 file in when it is the default. */
    protected abstract DatabaseSettings database(Path dataDir);

    /** What a round tests. */
    enum Scenario {
        COMPLETE,
        WITHDRAW
    }

    /** Where a kill fell, as the client saw it. */
    enum Outcome {
        DURING_LAST_CHUNK,
        BETWEEN_LAST_CHUNK_AND_COMPLETE,
        DURING_COMPLETE,
        AFTER_COMPLETE,
        DURING_CHUNKS_BEFORE_WITHDRAWAL,
        DURING_WITHDRAWAL,
        AFTER_WITHDRAWAL
    }

    @Test
    void everyAcknowledgedStepSurvivesKillsDuringCompleteAndDuringAWithdrawal() throws Exception {
        int killsPerScenario = Integer.getInteger("crash.upload.kills", 10);
        long seed = Long.getLong("crash.seed", new Random().nextLong());
        Random random = new Random(seed);
        Path dataDir = directory.resolve("data");
        DatabaseSettings database = database(dataDir);
        List<String> flags = new ArrayList<>(List.of("--jdbc-url=" + database.jdbcUrl()));
        if (database.user() != null) {
            flags.add("--jdbc-user=" + database.user());
        }
        Run run = new Run(dataDir, flags, database, seed);
        long started = System.nanoTime();
        try {
            run.server = run.start();
            run.consent = giveConsent(run.server);
            for (int round = 0; round < 2 * killsPerScenario; round++) {
                Scenario scenario = round % 2 == 0 ? Scenario.COMPLETE : Scenario.WITHDRAW;
                run.round(round, scenario, random);
            }
            run.readEverythingBack();
        } finally {
            if (run.server != null) {
                run.server.kill();
            }
        }
        System.out.printf(
                "%s: %d kills (seed %d) on %s, %s; %d recordings completed and read back after every restart,"
                        + " %d withdrawals checked, %d resumed uploads, %d orphans and %d temporaries swept,"
                        + " %d s (server start %d ms on average)%n",
                getClass().getSimpleName(),
                2 * killsPerScenario,
                seed,
                database.jdbcUrl().replaceAll(";.*", ""),
                run.outcomes,
                run.completed.size(),
                run.withdrawals,
                run.resumed,
                run.orphansSwept,
                run.temporariesSwept,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                run.startMillis / Math.max(1, run.starts));
        assertThat(run.completed).hasSizeGreaterThanOrEqualTo(killsPerScenario);
        assertThat(run.withdrawals).isEqualTo(killsPerScenario);
    }

    /** Everything one run keeps between rounds. */
    private final class Run {
        private final Path dataDir;
        private final List<String> flags;
        private final DatabaseSettings database;
        private final long seed;
        private final Map<String, String> completed = new LinkedHashMap<>();
        private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        private ServerProcess server;
        private String consent;
        private int starts;
        private long startMillis;
        private int withdrawals;
        private int resumed;
        private int orphansSwept;
        private int temporariesSwept;
        private long completeMillis = 300;
        private long withdrawMillis = 300;

        Run(Path dataDir, List<String> flags, DatabaseSettings database, long seed) {
            this.dataDir = dataDir;
            this.flags = flags;
            this.database = database;
            this.seed = seed;
        }

        ServerProcess start() throws IOException, InterruptedException {
            Files.createDirectories(dataDir);
            ServerProcess started = ServerProcess.start(dataDir, flags, directory.resolve("server-" + starts + ".log"));
            starts++;
            startMillis += started.millisToStart();
            return started;
        }

        void round(int round, Scenario scenario, Random random) throws Exception {
            byte[] content = content(random);
            List<long[]> chunks = chunks(content.length, random);
            String id = startRecording(server);
            String where = "round " + round + " (" + scenario + ", seed " + seed + ", recording " + id + ")";
            Client client = new Client(server, id, content, chunks);
            // Every chunk but the last is acknowledged before the operation under test.
            int before = scenario == Scenario.COMPLETE ? chunks.size() - 1 : 1;
            for (int i = 0; i < before; i++) {
                HttpResponse<String> sent = client.chunk(i);
                assertThat(sent.statusCode())
                        .as("%s: chunk %d: %s", where, i, sent.body())
                        .isEqualTo(200);
            }
            long window = scenario == Scenario.COMPLETE ? completeMillis : withdrawMillis;
            long killAfter = random.nextLong((long) (window * KILL_WINDOW_FACTOR) + 1);
            long pause = random.nextLong(30);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            long began;
            try {
                List<Future<?>> running = new ArrayList<>();
                if (scenario == Scenario.COMPLETE) {
                    running.add(threads.submit(() -> client.finish(go, pause)));
                } else {
                    running.add(threads.submit(() -> client.chunksFrom(before, go)));
                    running.add(threads.submit(() -> client.withdraw(go, pause, consent)));
                }
                began = System.nanoTime();
                go.countDown();
                Thread.sleep(killAfter);
                server.kill();
                for (Future<?> thread : running) {
                    try {
                        thread.get(30, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        throw new AssertionError(where + ": the client did not give up after the kill", e);
                    }
                }
            } finally {
                threads.shutdownNow();
            }
            Outcome outcome = client.outcome(scenario);
            outcomes.merge(outcome, 1, Integer::sum);
            if (client.lastAcknowledged > began) {
                long took = TimeUnit.NANOSECONDS.toMillis(client.lastAcknowledged - began);
                if (scenario == Scenario.COMPLETE) {
                    completeMillis = Math.max(50, took);
                } else {
                    withdrawMillis = Math.max(50, took);
                }
            }
            sweep(where);
            server = start();
            client.server = server;
            if (scenario == Scenario.COMPLETE) {
                afterCompleteKilled(client, where + " killed " + outcome);
            } else {
                afterWithdrawalKilled(client, where + " killed " + outcome);
            }
            everyCompletedRecordingReadsBack(where);
            theAuditChainVerifies(where);
        }

        /** Sweeps the store with no grace period, as the server would after its own, and counts what went. */
        private void sweep(String where) throws IOException {
            FilesystemContentBackend backend = new FilesystemContentBackend(dataDir.resolve("content"));
            try (PersistentRepositories repositories = PersistentRepositories.open(database.withMaximumPoolSize(2))) {
                SweepReport report = new ContentSweeper(
                                backend,
                                new DatabaseContentReferences(repositories.database()),
                                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)),
                                Duration.ZERO)
                        .sweep();
                orphansSwept += report.orphansRemoved();
                temporariesSwept += report.temporariesRemoved();
            }
            try (Stream<ContentBackend.Entry> left = backend.list("")) {
                assertThat(left.toList())
                        .as("%s: temporary objects after the sweep", where)
                        .noneMatch(ContentBackend.Temporary.class::isInstance);
            }
        }

        private void afterCompleteKilled(Client client, String where) throws Exception {
            String sha256 = sha256(client.content);
            Media media = media(client.id);
            boolean hasContent = media.getContent().hasUrl();
            if (client.lastChunkAcknowledged) {
                assertThat(hasContent)
                        .as("%s: content of the recording whose last chunk was acknowledged", where)
                        .isTrue();
            }
            if (client.completeAcknowledged) {
                assertThat(media.getStatus())
                        .as("%s: status after an acknowledged $complete", where)
                        .isEqualTo(Media.MediaStatus.COMPLETED);
            }
            if (hasContent) {
                assertReadsBack(client.id, sha256, where);
            } else {
                assertNothingReadable(client.id, where);
                client.resume();
                resumed++;
                assertThat(media(client.id).getContent().hasUrl())
                        .as("%s: content after resuming", where)
                        .isTrue();
            }
            if (media(client.id).getStatus() != Media.MediaStatus.COMPLETED) {
                HttpResponse<String> completedNow = operation("/fhir/Media/" + client.id + "/$complete", null);
                assertThat(completedNow.statusCode())
                        .as("%s: $complete after the restart: %s", where, completedNow.body())
                        .isEqualTo(200);
            }
            assertReadsBack(client.id, sha256, where);
            completed.put(client.id, sha256);
        }

        private void afterWithdrawalKilled(Client client, String where) throws Exception {
            String consentNow =
                    get("/fhir/Consent/" + consent + "?_format=json", CLINICIAN).body();
            boolean inForce = consentNow.contains("\"status\":\"inactive\"");
            if (client.withdrawAcknowledged) {
                assertThat(inForce)
                        .as("%s: an acknowledged withdrawal is in force", where)
                        .isTrue();
            }
            String mediaNow =
                    get("/fhir/Media/" + client.id + "?_format=json", CLINICIAN).body();
            if (inForce) {
                assertSealed(mediaNow, where);
            } else {
                assertThat(mediaNow)
                        .as("%s: a recording whose consent still stands is in progress", where)
                        .contains("\"status\":\"in-progress\"")
                        .doesNotContain("\"code\":\"CON-5\"");
                HttpResponse<String> withdrawnNow = operation("/fhir/Consent/" + consent + "/$withdraw", WITHDRAWAL);
                assertThat(withdrawnNow.statusCode())
                        .as("%s: the withdrawal sent again: %s", where, withdrawnNow.body())
                        .isEqualTo(200);
                assertSealed(
                        get("/fhir/Media/" + client.id + "?_format=json", CLINICIAN)
                                .body(),
                        where);
            }
            assertNothingReadable(client.id, where);
            HttpResponse<String> more = client.chunkFrom(client.acknowledgedOffset, client.content.length);
            assertThat(more.statusCode())
                    .as("%s: a chunk for the sealed recording: %s", where, more.body())
                    .isBetween(400, 499);
            assertNothingReadable(client.id, where);
            withdrawals++;
            consent = giveConsent(server);
        }

        /** A sealed recording is refused to the clinician with CON-5; once the retention sweep destroyed it, REC-4. */
        private void assertSealed(String media, String where) {
            assertThat(media)
                    .as("%s: the recording under a withdrawal in force is sealed (CON-5) or destroyed", where)
                    .containsAnyOf("\"code\":\"CON-5\"", "\"code\":\"REC-4\"")
                    .doesNotContain("\"status\":\"in-progress\"");
        }

        private void everyCompletedRecordingReadsBack(String where) throws Exception {
            for (Map.Entry<String, String> recording : completed.entrySet()) {
                assertReadsBack(recording.getKey(), recording.getValue(), where + ", earlier recording");
            }
        }

        void readEverythingBack() throws Exception {
            everyCompletedRecordingReadsBack("the end of the run");
        }

        private void theAuditChainVerifies(String where) throws Exception {
            HttpResponse<String> answer = get("/fhir/AuditEvent/$verify-chain?_format=json", AUDITOR);
            assertThat(answer.statusCode()).as("%s: %s", where, answer.body()).isEqualTo(200);
            Parameters result = (Parameters) FHIR.newJsonParser().parseResource(answer.body());
            assertThat(((BooleanType) result.getParameter("intact").getValue()).booleanValue())
                    .as("%s: audit chain intact: %s", where, answer.body())
                    .isTrue();
        }

        private void assertReadsBack(String id, String sha256, String where) throws Exception {
            HttpResponse<byte[]> download = http.send(
                    request("/fhir/Media/" + id + "/$binary-access-read", CLINICIAN)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode())
                    .as("%s: reading %s back", where, id)
                    .isEqualTo(200);
            assertThat(sha256(download.body()))
                    .as("%s: SHA-256 of %s read back", where, id)
                    .isEqualTo(sha256);
        }

        private void assertNothingReadable(String id, String where) throws Exception {
            HttpResponse<byte[]> download = http.send(
                    request("/fhir/Media/" + id + "/$binary-access-read", CLINICIAN)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode())
                    .as("%s: reading %s, which has no committed content", where, id)
                    .isBetween(400, 499);
        }

        private Media media(String id) throws Exception {
            HttpResponse<String> answer = get("/fhir/Media/" + id + "?_format=json", CLINICIAN);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return FHIR.newJsonParser().parseResource(Media.class, answer.body());
        }

        private HttpResponse<String> operation(String path, String body) throws Exception {
            HttpRequest.Builder request = request(path, CLINICIAN);
            if (body == null) {
                request.POST(HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(body));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> get(String path, String credentials) throws Exception {
            return http.send(request(path, credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path, String credentials) {
            return UploadCrashContract.this.request(server, path, credentials);
        }
    }

    /** One recording's upload as a recorder sends it, noting what the server acknowledged. */
    private final class Client {
        private volatile ServerProcess server;
        private final String id;
        private final byte[] content;
        private final List<long[]> chunks;
        private volatile long acknowledgedOffset;
        private volatile boolean lastChunkSent;
        private volatile boolean lastChunkAcknowledged;
        private volatile boolean completeSent;
        private volatile boolean completeAcknowledged;
        private volatile boolean withdrawSent;
        private volatile boolean withdrawAcknowledged;
        private volatile long lastAcknowledged;

        Client(ServerProcess server, String id, byte[] content, List<long[]> chunks) {
            this.server = server;
            this.id = id;
            this.content = content;
            this.chunks = chunks;
        }

        HttpResponse<String> chunk(int index) throws IOException, InterruptedException {
            long[] chunk = chunks.get(index);
            HttpResponse<String> answer = chunkFrom(chunk[0], chunk[1]);
            if (answer.statusCode() == 200) {
                acknowledgedOffset = chunk[1];
            }
            return answer;
        }

        HttpResponse<String> chunkFrom(long from, long to) throws IOException, InterruptedException {
            boolean last = to == content.length;
            return http.send(
                    request(server, "/fhir/Media/" + id + "/$binary-access-write", CLINICIAN)
                            .header("Content-Type", "video/webm")
                            .header(
                                    "Content-Range",
                                    "bytes " + from + "-" + (to - 1) + "/"
                                            + (last ? Integer.toString(content.length) : "*"))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(
                                    Arrays.copyOfRange(content, (int) from, (int) to)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The last chunk, a pause, {@code $complete}; stops at the first failure (the kill). */
        Void finish(CountDownLatch go, long pauseMillis) throws InterruptedException {
            go.await();
            try {
                lastChunkSent = true;
                HttpResponse<String> last = chunk(chunks.size() - 1);
                if (last.statusCode() != 200) {
                    throw new AssertionError("the last chunk was refused: " + last.body());
                }
                lastChunkAcknowledged = true;
                lastAcknowledged = System.nanoTime();
                Thread.sleep(pauseMillis);
                completeSent = true;
                HttpResponse<String> complete = http.send(
                        request(server, "/fhir/Media/" + id + "/$complete", CLINICIAN)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (complete.statusCode() != 200) {
                    throw new AssertionError("$complete was refused: " + complete.body());
                }
                completeAcknowledged = true;
                lastAcknowledged = System.nanoTime();
            } catch (IOException killed) {
                // The server died under the request; what it acknowledged before is noted.
            }
            return null;
        }

        /** Chunks from {@code first} on, short of the last; stops at a refusal (the withdrawal) or the kill. */
        Void chunksFrom(int first, CountDownLatch go) throws Exception {
            go.await();
            try {
                for (int i = first; i < chunks.size() - 1; i++) {
                    if (chunk(i).statusCode() != 200) {
                        return null;
                    }
                    lastAcknowledged = Math.max(lastAcknowledged, System.nanoTime());
                }
            } catch (IOException killed) {
                // As above.
            }
            return null;
        }

        /** After a pause, withdraws the patient's consent while the chunks are arriving. */
        Void withdraw(CountDownLatch go, long pauseMillis, String consent) throws InterruptedException {
            go.await();
            Thread.sleep(pauseMillis);
            try {
                withdrawSent = true;
                HttpResponse<String> withdrawn = http.send(
                        request(server, "/fhir/Consent/" + consent + "/$withdraw", CLINICIAN)
                                .header("Content-Type", "application/fhir+json")
                                .POST(HttpRequest.BodyPublishers.ofString(WITHDRAWAL))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (withdrawn.statusCode() != 200) {
                    throw new AssertionError("the withdrawal was refused: " + withdrawn.body());
                }
                withdrawAcknowledged = true;
                lastAcknowledged = Math.max(lastAcknowledged, System.nanoTime());
            } catch (IOException killed) {
                // As above.
            }
            return null;
        }

        /**
         * After a restart, sends the rest of the content from the last byte acknowledged, moving on to the byte the
         * server names when it had committed a chunk whose answer the kill lost.
         */
        void resume() throws Exception {
            long from = acknowledgedOffset;
            for (int attempt = 0; attempt < 3; attempt++) {
                HttpResponse<String> answer = chunkFrom(from, content.length);
                if (answer.statusCode() == 200) {
                    return;
                }
                Matcher next = NEXT_BYTE.matcher(answer.body());
                assertThat(next.find())
                        .as("resuming %s from %d: %s", id, from, answer.body())
                        .isTrue();
                long expected = Long.parseLong(next.group(1));
                assertThat(expected)
                        .as("the next byte expected is never before what was acknowledged")
                        .isGreaterThanOrEqualTo(acknowledgedOffset);
                from = expected;
            }
            throw new AssertionError("resuming " + id + " did not finish");
        }

        Outcome outcome(Scenario scenario) {
            if (scenario == Scenario.COMPLETE) {
                if (completeAcknowledged) {
                    return Outcome.AFTER_COMPLETE;
                }
                if (completeSent) {
                    return Outcome.DURING_COMPLETE;
                }
                return lastChunkAcknowledged ? Outcome.BETWEEN_LAST_CHUNK_AND_COMPLETE : Outcome.DURING_LAST_CHUNK;
            }
            if (withdrawAcknowledged) {
                return Outcome.AFTER_WITHDRAWAL;
            }
            return withdrawSent ? Outcome.DURING_WITHDRAWAL : Outcome.DURING_CHUNKS_BEFORE_WITHDRAWAL;
        }
    }

    private String startRecording(ServerProcess server) throws Exception {
        HttpResponse<String> started = http.send(
                request(server, "/fhir/Media", CLINICIAN)
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofFile(
                                StandaloneServerContract.example("recording-start.json")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return idOf(started.body());
    }

    /** The clinician records the demo patient's consent to recording; returns its id. */
    private String giveConsent(ServerProcess server) throws Exception {
        HttpResponse<String> consent = http.send(
                request(server, "/fhir/Consent", CLINICIAN)
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofFile(StandaloneServerContract.example("consent-given.json")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
        return idOf(consent.body());
    }

    private HttpRequest.Builder request(ServerProcess server, String path, String credentials) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(60))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static String idOf(String body) {
        Matcher id = ID.matcher(body);
        assertThat(id.find()).as(body).isTrue();
        return id.group(1);
    }

    /** WebM's signature and then random bytes, 60 to 400 KB. */
    private static byte[] content(Random random) {
        byte[] content = new byte[60_000 + random.nextInt(340_000)];
        random.nextBytes(content);
        System.arraycopy(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}, 0, content, 0, 4);
        return content;
    }

    /** Three to five chunks: {start, end} with the end exclusive. */
    private static List<long[]> chunks(int size, Random random) {
        int count = 3 + random.nextInt(3);
        List<long[]> chunks = new ArrayList<>();
        long from = 0;
        for (int i = 1; i < count; i++) {
            long to = (long) size * i / count;
            chunks.add(new long[] {from, to});
            from = to;
        }
        chunks.add(new long[] {from, size});
        return chunks;
    }

    private static String readExample(String name) {
        try {
            return Files.readString(StandaloneServerContract.example(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return java.util.HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
