/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.standalone.testing.TestFiles;

/**
 * Many slow content transfers never starve the small requests: with three requests admitted at once, one place is
 * kept for requests that are not transfers ({@code reserved-requests}, a quarter rounded up), so while more downloads
 * (or uploads) than there are places are held open by clients that barely read (or send), reading a Media, a search
 * and a consent capture are still answered, and the transfers beyond their share wait and are served afterwards.
 *
 * <p>"Held" is seen in the server's own threads (it runs in this JVM): a transfer is streaming while its thread is in
 * {@code ContentDownload} or {@code ContentUpload}, and queued while its thread waits in {@code UnitOfWorkGate}. The
 * clients trickle, reading or sending a little every fraction of a second, so that the server's idle timeout never
 * frees a place behind the test's back. A small request that gets no answer within {@value #PATIENCE_SECONDS} s
 * fails the test; nothing here measures a speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferReservationIT {

    private static final long PATIENCE_SECONDS = 30;
    private static final int CONCURRENT_REQUESTS = 3;
    private static final int TRANSFER_SHARE = 2;
    private static final int TRANSFERS = CONCURRENT_REQUESTS + 1;
    private static final int CONTENT_BYTES = 32 << 20;
    private static final int UPLOAD_BYTES = 4 << 20;
    private static final int TRICKLE_BYTES = 2 * 1024;
    private static final String CLINICIAN = "clinician:Clinician123";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> clients = new ArrayList<>();

    private Path dataDir;
    private StandaloneApplication server;

    @BeforeAll
    void startServer() throws IOException {
        dataDir = Files.createTempDirectory("transfer-reservation-it");
        server = StandaloneServerContract.start(dataDir, List.of("--concurrent-requests=" + CONCURRENT_REQUESTS));
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        TestFiles.deleteTree(dataDir);
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        clients.clear();
    }

    @Test
    void downloadsHeldOpenByMoreClientsThanThereArePlacesLeaveRoomForReadsSearchesAndConsent() throws Exception {
        giveConsent();
        String id = startRecording();
        byte[] content = new byte[CONTENT_BYTES];
        new Random(7).nextBytes(content);
        HttpResponse<String> uploaded = send(HttpRequest.newBuilder(uri("/fhir/Media/" + id + "/$binary-access-write"))
                .header("Content-Type", "video/webm")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        HttpResponse<String> completed = send(HttpRequest.newBuilder(uri("/fhir/Media/" + id + "/$complete"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);

        List<SlowDownload> downloads = new ArrayList<>();
        for (int i = 0; i < TRANSFERS; i++) {
            downloads.add(remember(new SlowDownload(server.port(), "/fhir/Binary/" + id + "-content")));
        }
        awaitHeld("ContentDownload");

        assertSmallRequestsAnswered(id);
        assertThat(serverThreadsIn("ContentDownload"))
                .as("downloads streaming: their share of the places, no more")
                .isEqualTo(TRANSFER_SHARE);

        await(
                () -> downloads.stream().filter(d -> d.statusLine.isDone()).count() >= TRANSFER_SHARE,
                "the streaming downloads' answers begun");
        List<SlowDownload> streaming =
                downloads.stream().filter(d -> d.statusLine.isDone()).toList();
        assertThat(streaming)
                .as("no answer begins for a download beyond the share while the share is held")
                .hasSize(TRANSFER_SHARE);
        for (SlowDownload download : streaming) {
            assertThat(download.statusLine.get()).isEqualTo("HTTP/1.1 200 OK");
            download.close();
        }
        for (SlowDownload waited : downloads) {
            assertThat(waited.statusLine.get(PATIENCE_SECONDS, TimeUnit.SECONDS))
                    .as("a download beyond the share waited for its turn and was served")
                    .isEqualTo("HTTP/1.1 200 OK");
        }
    }

    @Test
    void uploadsSentSlowlyByMoreClientsThanThereArePlacesLeaveRoomForReadsSearchesAndConsent() throws Exception {
        giveConsent();
        List<String> recordings = new ArrayList<>();
        for (int i = 0; i < TRANSFERS; i++) {
            recordings.add(startRecording());
        }

        List<SlowUpload> uploads = new ArrayList<>();
        for (String id : recordings) {
            uploads.add(remember(new SlowUpload(server.port(), "/fhir/Media/" + id + "/$binary-access-write")));
        }
        awaitHeld("ContentUpload");

        assertSmallRequestsAnswered(recordings.get(0));
        assertThat(serverThreadsIn("ContentUpload"))
                .as("uploads reading: their share of the places, no more")
                .isEqualTo(TRANSFER_SHARE);

        // All at once: a queued upload's client can send the rest only once a streaming one has ended.
        ExecutorService finishing = Executors.newFixedThreadPool(TRANSFERS);
        List<String> answers = new ArrayList<>();
        try {
            List<Future<String>> finished = new ArrayList<>();
            for (SlowUpload upload : uploads) {
                finished.add(finishing.submit(upload::finish));
            }
            for (Future<String> answer : finished) {
                answers.add(answer.get(PATIENCE_SECONDS * 4, TimeUnit.SECONDS));
            }
        } finally {
            finishing.shutdownNow();
        }
        assertThat(answers)
                .as("every upload, those that waited for their turn included, is served")
                .containsOnly("HTTP/1.1 200 OK");
    }

    /** Reading a Media, a search and a consent capture, each answered within the patience. */
    private void assertSmallRequestsAnswered(String id) throws Exception {
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/fhir/Media/" + id)));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        HttpResponse<String> search =
                send(HttpRequest.newBuilder(uri("/fhir/Media?patient=" + DemoData.ADULT.value() + "&_count=5")));
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(search.body()).contains("\"resourceType\":\"Bundle\"");
        HttpResponse<String> consent = send(HttpRequest.newBuilder(uri("/fhir/Consent"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofFile(StandaloneServerContract.example("consent-given.json"))));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
    }

    /**
     * Waits until every transfer's server thread is streaming ({@code where}) or queued at the gate, at least the
     * transfers' share of them streaming.
     */
    private void awaitHeld(String where) throws InterruptedException {
        await(
                () -> serverThreadsIn(where) >= TRANSFER_SHARE
                        && serverThreadsIn(where) + serverThreadsIn("UnitOfWorkGate") == TRANSFERS,
                "every transfer streaming or queued at the gate");
    }

    /** The server's threads with a frame of the class (simple name) in their stack. */
    private static long serverThreadsIn(String simpleClassName) {
        String suffix = "." + simpleClassName;
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> Arrays.stream(stack)
                        .anyMatch(frame -> frame.getClassName().startsWith("org.openmrs.module.patientrecordings.")
                                && frame.getClassName().endsWith(suffix)))
                .count();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS * 4);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private <T extends AutoCloseable> T remember(T client) {
        clients.add(client);
        return client;
    }

    private void giveConsent() throws Exception {
        HttpResponse<String> consent = send(HttpRequest.newBuilder(uri("/fhir/Consent"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofFile(StandaloneServerContract.example("consent-given.json"))));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
    }

    private String startRecording() throws Exception {
        HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/fhir/Media"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofFile(StandaloneServerContract.example("recording-start.json"))));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return FhirContext.forR4Cached()
                .newJsonParser()
                .parseResource(started.body())
                .getIdElement()
                .getIdPart();
    }

    /** As the clinician, answered within the patience (else {@link java.net.http.HttpTimeoutException}). */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.header("Authorization", basic())
                        .header("Accept", "application/fhir+json")
                        .timeout(Duration.ofSeconds(PATIENCE_SECONDS))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(CLINICIAN.getBytes(StandardCharsets.UTF_8));
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        // A small window, so that the server soon has to wait for the client to read.
        socket.setReceiveBufferSize(8 * 1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        return socket;
    }

    /** A download whose client reads a few kilobytes every fraction of a second, so that the server waits to write. */
    private static final class SlowDownload implements AutoCloseable {
        final CompletableFuture<String> statusLine = new CompletableFuture<>();
        private final Socket socket;
        private final Thread reader;

        SlowDownload(int port, String path) throws IOException {
            socket = connect(port);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            reader = new Thread(this::readSlowly, "slow-download");
            reader.setDaemon(true);
            reader.start();
        }

        private void readSlowly() {
            try {
                InputStream in = socket.getInputStream();
                statusLine.complete(firstLine(in));
                byte[] buffer = new byte[4 * 1024];
                while (in.read(buffer) >= 0) {
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                statusLine.completeExceptionally(e);
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            reader.interrupt();
            reader.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        }
    }

    /**
     * An upload of {@value #UPLOAD_BYTES} bytes whose client sends its headers and a few kilobytes, then {@value
     * #TRICKLE_BYTES} bytes every fifth of a second, so that the server waits to read; {@link #finish()} sends the
     * rest. That is slow for an upload, yet above the 1 KiB a second under which the server refuses it as stalled
     * ({@code BoundedUpload}): a legitimate upload over a slow line, holding its place for as long as it lasts.
     */
    private static final class SlowUpload implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final Thread trickle;
        private final AtomicBoolean trickling = new AtomicBoolean(true);
        private final Object sending = new Object();
        private long sent;

        SlowUpload(int port, String path) throws IOException {
            socket = connect(port);
            out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic()
                            + "\r\nContent-Type: video/webm\r\nAccept: application/fhir+json\r\nContent-Length: "
                            + UPLOAD_BYTES + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            send(4 * 1024);
            trickle = new Thread(this::sendSlowly, "slow-upload");
            trickle.setDaemon(true);
            trickle.start();
        }

        private void sendSlowly() {
            try {
                while (trickling.get()) {
                    send(TRICKLE_BYTES);
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException e) {
                trickling.set(false);
            }
        }

        private void send(int bytes) throws IOException {
            synchronized (sending) {
                byte[] chunk = new byte[bytes];
                Arrays.fill(chunk, (byte) sent);
                out.write(chunk);
                out.flush();
                sent += bytes;
            }
        }

        /** Sends the rest of the body and reads the answer's status line. */
        String finish() throws Exception {
            trickling.set(false);
            trickle.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
            synchronized (sending) {
                byte[] block = new byte[64 * 1024];
                while (sent < UPLOAD_BYTES) {
                    int length = (int) Math.min(block.length, UPLOAD_BYTES - sent);
                    out.write(block, 0, length);
                    sent += length;
                }
                out.flush();
            }
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS * 4));
            return firstLine(socket.getInputStream());
        }

        @Override
        public void close() throws Exception {
            trickling.set(false);
            socket.close();
            trickle.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
