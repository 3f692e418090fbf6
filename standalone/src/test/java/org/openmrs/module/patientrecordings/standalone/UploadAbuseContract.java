/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SAF-4: uploads that abuse the content endpoint ({@code POST /fhir/Media/{id}/$binary-access-write}) of the real
 * standalone server are each refused with a 4xx OperationOutcome naming the problem, commit nothing to the content
 * store, and leave the recording as it was: in progress, without content, its upload where it stood (a correct chunk
 * is still accepted from there). Each database engine extends this with how to get a fresh database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UploadAbuseContract {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String CLINICIAN = "clinician:Clinician123";
    /** The first bytes of a WebM file: what a browser's recorder sends first. */
    private static final byte[] WEBM = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

    private final HttpClient http = HttpClient.newHttpClient();
    private Path dataDir;
    private StandaloneApplication server;
    private String id;

    /** Flags selecting a fresh, empty database of the engine under test; none for the default H2 file database. */
    protected abstract List<String> freshDatabase();

    @BeforeAll
    void startServer() throws Exception {
        dataDir = Files.createTempDirectory("upload-abuse-it");
        server = StandaloneServerContract.start(dataDir, freshDatabase());
        HttpResponse<String> consent = send(HttpRequest.newBuilder(uri("/fhir/Consent"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofFile(StandaloneServerContract.example("consent-given.json"))));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @BeforeEach
    void startARecording() throws Exception {
        HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/fhir/Media"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofFile(StandaloneServerContract.example("recording-start.json"))));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        id = FHIR.newJsonParser()
                .parseResource(Media.class, started.body())
                .getIdElement()
                .getIdPart();
    }

    @Test
    void anImageDeclaredAsVideoIsRefusedAsWhatItIs() throws Exception {
        byte[] png = content(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 4096);

        assertRefusedAndNothingChanged(
                () -> Answer.of(upload("video/webm", png, null, null)),
                400,
                "The content is a PNG image, not video/webm");
    }

    @Test
    void anExecutableIsRefusedAsNoRecording() throws Exception {
        byte[] program = content(new byte[] {'M', 'Z', (byte) 0x90, 0x00}, 4096);

        assertRefusedAndNothingChanged(
                () -> Answer.of(upload("video/webm", program, null, null)),
                400,
                "an executable program, not a recording");
    }

    @Test
    void contentOfAnotherKindThanTheRecordingIsRefused() throws Exception {
        assertRefusedAndNothingChanged(
                () -> Answer.of(upload("image/png", content(WEBM, 100), null, null)),
                400,
                "needs content of type video/*");
    }

    @Test
    void theContentTypeDeclaredAtTheStartIsShownUntilContentArrives() throws Exception {
        Media media = FHIR.newJsonParser()
                .parseResource(
                        Media.class,
                        send(HttpRequest.newBuilder(uri("/fhir/Media/" + id)).GET())
                                .body());

        assertThat(media.getContent().getContentType()).isEqualTo("video/webm");
        assertThat(media.getContent().hasUrl()).isFalse();
    }

    @Test
    void contentOfAnotherTypeThanTheOneDeclaredAtTheStartIsRefused() throws Exception {
        assertRefusedAndNothingChanged(
                () -> Answer.of(upload("video/mp4", content(WEBM, 100), null, null)),
                400,
                "started for content of type video/webm, not video/mp4");
    }

    @Test
    void anEmptyUploadIsRefused() throws Exception {
        assertRefusedAndNothingChanged(
                () -> Answer.of(upload("video/webm", new byte[0], null, null)), 400, "Empty upload");
    }

    @Test
    void anEmptyUploadInChunkedTransferIsRefused() throws Exception {
        assertRefusedAndNothingChanged(() -> Answer.of(uploadStreamed(new byte[0], null)), 400, "Empty upload");
    }

    @Test
    void aTruncatedUploadIsRefused() throws Exception {
        assertRefusedAndNothingChanged(() -> truncated(content(WEBM, 100), 1000), 400, "truncated");
    }

    @Test
    void anUploadLargerThanTheLimitIsRefusedBeforeAByteIsStored() throws Exception {
        assertRefusedAndNothingChanged(
                () -> Answer.of(upload("video/webm", content(WEBM, 10), "bytes 0-9/" + (9L << 30), null)),
                400,
                "Oversized upload");
    }

    @Test
    void aChunkWhoseEndOverflowsIsRefusedAsOversized() throws Exception {
        assertRefusedAndNothingChanged(
                () -> Answer.of(uploadStreamed(content(WEBM, 10), "bytes 0-9223372036854775807/*")),
                400,
                "Oversized upload");
    }

    @Test
    void aChunkOverlappingTheCommittedOnesIsRefusedNamingTheNextByte() throws Exception {
        byte[] content = content(WEBM, 300);
        HttpResponse<String> first = upload("video/webm", Arrays.copyOfRange(content, 0, 100), "bytes 0-99/*", null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        assertRefusedAndNothingChanged(
                () -> Answer.of(upload("video/webm", Arrays.copyOfRange(content, 50, 150), "bytes 50-149/*", null)),
                400,
                "This chunk starts at 50; the next byte expected is 100");
    }

    @Test
    void aChunkOutOfOrderIsRefusedNamingTheNextByte() throws Exception {
        byte[] content = content(WEBM, 300);

        assertRefusedAndNothingChanged(
                () -> Answer.of(upload("video/webm", Arrays.copyOfRange(content, 100, 200), "bytes 100-199/300", null)),
                400,
                "This chunk starts at 100; the next byte expected is 0");
    }

    @Test
    void aFileNameThatIsAPathIsRefused() throws Exception {
        assertRefusedAndNothingChanged(
                () -> Answer.of(
                        upload("video/webm", content(WEBM, 100), null, "attachment; filename=\"../../etc/passwd\"")),
                400,
                "Content-Disposition names a path");
        assertRefusedAndNothingChanged(
                () -> Answer.of(upload(
                        "video/webm", content(WEBM, 100), null, "attachment; filename*=UTF-8''..%2F..%2Fmaster.key")),
                400,
                "Content-Disposition names a path");
    }

    @Test
    void aRecordingIdThatIsAPathIsRefused() throws Exception {
        for (String path : List.of("..%2F..%2Fadmin%2Fsite-policies", "..%2Fmaster.key", "%2E%2E")) {
            assertRefusedAndNothingChanged(
                    () -> Answer.of(send(HttpRequest.newBuilder(uri("/fhir/Media/" + path + "/$binary-access-write"))
                            .header("Content-Type", "video/webm")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(content(WEBM, 100))))),
                    -1,
                    "");
        }
    }

    /**
     * The request is refused with the status given (any 4xx for -1) and an OperationOutcome of SAF-4 or NF-1 whose
     * text names the problem; the content store holds what it held; the recording is in progress without content;
     * its upload continues from where it stood.
     */
    private void assertRefusedAndNothingChanged(Request request, int status, String problem) throws Exception {
        long objects = storedObjects();
        long offset = offset();

        Answer refused = request.send();

        if (status < 0) {
            assertThat(refused.status()).as(refused.body()).isBetween(400, 499);
        } else {
            assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        }
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, refused.body());
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
                .isIn("SAF-4", "NF-1");
        if (!problem.isEmpty()) {
            assertThat(outcome.getIssueFirstRep().getDetails().getText()).containsIgnoringCase(problem);
        }
        assertThat(storedObjects()).as("objects in the content store").isEqualTo(objects);
        Media media = FHIR.newJsonParser()
                .parseResource(
                        Media.class,
                        send(HttpRequest.newBuilder(uri("/fhir/Media/" + id)).GET())
                                .body());
        assertThat(media.getStatus()).isEqualTo(Media.MediaStatus.INPROGRESS);
        assertThat(media.getContent().hasUrl()).as("content attached").isFalse();
        assertThat(offset()).as("where the upload continues").isEqualTo(offset);
    }

    /**
     * Where the recording's upload continues: a chunk from byte 0 is refused naming the next byte expected; when that
     * is 0, the chunk passes that check and is refused for its content (an image, not video/webm), so that the probe
     * never commits a byte.
     */
    private long offset() throws Exception {
        byte[] png = content(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 10);
        HttpResponse<String> probe = upload("video/webm", png, "bytes 0-9/*", null);
        assertThat(probe.statusCode()).as(probe.body()).isEqualTo(400);
        String body = probe.body();
        if (body.contains("the next byte expected is ")) {
            return Long.parseLong(body.replaceAll("(?s).*the next byte expected is (\\d+).*", "$1"));
        }
        assertThat(body).contains("The content is a PNG image");
        return 0;
    }

    private long storedObjects() throws IOException {
        Path content = dataDir.resolve("content");
        if (!Files.isDirectory(content)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(content)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .count();
        }
    }

    private HttpResponse<String> upload(String type, byte[] body, String contentRange, String disposition)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/fhir/Media/" + id + "/$binary-access-write"))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentRange != null) {
            request.header("Content-Range", contentRange);
        }
        if (disposition != null) {
            request.header("Content-Disposition", disposition);
        }
        return send(request);
    }

    /** Without Content-Length: the body in chunked transfer coding, its length announced by no header. */
    private HttpResponse<String> uploadStreamed(byte[] body, String contentRange) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/fhir/Media/" + id + "/$binary-access-write"))
                .header("Content-Type", "video/webm")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (contentRange != null) {
            request.header("Content-Range", contentRange);
        }
        return send(request);
    }

    /** Announces {@code announced} bytes, sends {@code body}, then closes its side: a client cut off mid-upload. */
    private Answer truncated(byte[] body, int announced) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /fhir/Media/" + id + "/$binary-access-write HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + server.port() + "\r\n"
                    + "Authorization: " + basic() + "\r\n"
                    + "Accept: application/fhir+json\r\n"
                    + "Content-Type: video/webm\r\n"
                    + "Content-Length: " + announced + "\r\n"
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            socket.shutdownOutput();
            return Answer.read(socket.getInputStream());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.header("Authorization", basic())
                        .header("Accept", "application/fhir+json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(CLINICIAN.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code size} bytes starting with {@code signature}, the rest a recognisable filler. */
    private static byte[] content(byte[] signature, int size) {
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
            content[i] = i < signature.length ? signature[i] : (byte) (i % 7 + 1);
        }
        return content;
    }

    @FunctionalInterface
    private interface Request {
        Answer send() throws Exception;
    }

    /** A response's status and body. */
    private record Answer(int status, String body) {
        static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.body());
        }

        /** An HTTP/1.1 response as read off a socket: its status line and what follows the headers. */
        static Answer read(InputStream in) throws IOException {
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(9, 12));
            int headersEnd = raw.indexOf("\r\n\r\n");
            String body = headersEnd < 0 ? "" : raw.substring(headersEnd + 4);
            boolean chunked = raw.substring(0, Math.max(headersEnd, 0))
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("transfer-encoding: chunked");
            return new Answer(status, chunked ? dechunked(body) : body);
        }

        private static String dechunked(String body) {
            StringBuilder text = new StringBuilder();
            int at = 0;
            while (at < body.length()) {
                int lineEnd = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                text.append(body, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return text.toString();
        }
    }
}
