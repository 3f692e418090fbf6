/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmrs.module.patientrecordings.standalone.testing.TestFiles;

/**
 * A request refused before its body is read never leaves its client holding a connection the server is about to
 * drop: either the answer says {@code Connection: close} (and the server then closes it) or the connection goes on
 * to answer the next request. Each refusal is tried with its body sent after the headers, once the server has had
 * time to answer (the body is then unread when the answer starts), and with the body in the same write as the
 * headers (then the body is read and the connection kept).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionReuseIT {

    /** Long enough for the server to have answered the headers before the body comes. */
    private static final long BODY_LATE_MILLIS = 300;

    private Path dataDir;
    private StandaloneApplication server;

    @BeforeAll
    void startServer() throws IOException {
        dataDir = Files.createTempDirectory("connection-reuse-it");
        server = StandaloneServerContract.start(dataDir, List.of());
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        TestFiles.deleteTree(dataDir);
    }

    @ParameterizedTest(name = "{0} {1} as {2} ({3}) -> {4}, body late: {5}")
    @CsvSource({
        "POST, /session, , application/x-www-form-urlencoded, 415, true",
        "POST, /fhir/Consent, , application/fhir+json, 401, true",
        "POST, /fhir/Consent?no-such-parameter=1, clinician:Clinician123, application/fhir+json, 400, true",
        "PUT, /admin/sites/riverside-surgery/policy, clinician:Clinician123, application/json, 403, true",
        "POST, /session, , application/x-www-form-urlencoded, 415, false",
        "POST, /fhir/Consent?no-such-parameter=1, clinician:Clinician123, application/fhir+json, 400, false",
        "PUT, /admin/sites/riverside-surgery/policy, clinician:Clinician123, application/json, 403, false",
    })
    void aRefusedRequestsConnectionEitherSaysItClosesOrAnswersTheNextRequest(
            String method, String path, String credentials, String contentType, int status, boolean bodyLate)
            throws Exception {
        try (Socket socket = connect()) {
            byte[] head = head(method, path, credentials, contentType);
            OutputStream out = socket.getOutputStream();
            if (bodyLate) {
                out.write(head);
                out.flush();
                Thread.sleep(BODY_LATE_MILLIS);
                out.write(BODY);
            } else {
                out.write(ByteBuffer.allocate(head.length + BODY.length)
                        .put(head)
                        .put(BODY)
                        .array());
            }
            out.flush();

            Answer refusal = readAnswer(socket.getInputStream());

            assertThat(refusal.status()).isEqualTo(status);
            if ("close".equalsIgnoreCase(refusal.header("connection"))) {
                assertThat(bodyLate)
                        .as("a body that came with its headers is read, and the connection kept")
                        .isTrue();
                assertThat(socket.getInputStream().read())
                        .as("the server closes the connection")
                        .isEqualTo(-1);
            } else {
                socket.getOutputStream()
                        .write("GET /session HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(readAnswer(socket.getInputStream()).status()).isEqualTo(401);
            }
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static final byte[] BODY =
            "{\"resourceType\":\"Consent\",\"username\":\"a\",\"password\":\"b\"}".getBytes(StandardCharsets.UTF_8);

    private static byte[] head(String method, String path, String credentials, String contentType) {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ")
                .append(contentType)
                .append("\r\nContent-Length: ")
                .append(BODY.length)
                .append("\r\n");
        if (credentials != null) {
            head.append("Authorization: Basic ")
                    .append(Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private record Answer(int status, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** Reads one answer: the status line, the headers and the body (of a stated length, chunked, or to the close). */
    private static Answer readAnswer(InputStream in) throws IOException {
        String statusLine = line(in);
        assertThat(statusLine).as("an answer on the connection").startsWith("HTTP/1.1 ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                assertThat(in.readNBytes(size + 2)).hasSize(size + 2);
            }
            assertThat(line(in)).isEmpty();
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            assertThat(in.readNBytes(length)).hasSize(length);
        } else {
            assertThat(headers.get("connection"))
                    .as("an answer of no stated length ends with its connection")
                    .isEqualToIgnoringCase("close");
            in.readAllBytes();
        }
        return new Answer(Integer.parseInt(statusLine.substring(9, 12)), headers);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the connection closed mid-answer or before any: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
