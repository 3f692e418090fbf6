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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An answer given before its request's body was read (a refusal, or a GET sent with a body) leaves the connection
 * ready for the next request, whether the body came with the headers or after the answer was ready; a long body
 * that is not read is not waited for, and then the answer says {@code Connection: close} and the server closes it. A
 * client is never left holding a connection the server has dropped without saying so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionReuseIT {

    /** Long enough for the server to have answered the headers before the body comes. */
    private static final long BODY_LATE_MILLIS = 300;

    private TemporaryServer server;

    @BeforeAll
    void startServer() throws IOException {
        server = TemporaryServer.start("connection-reuse-it");
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0} {1} as {2} ({3}) -> {4}, body late: {5}")
    @CsvSource({
        "POST, /session, , application/x-www-form-urlencoded, 415, true",
        "POST, /fhir/Consent, , application/fhir+json, 401, true",
        "POST, /fhir/Consent?no-such-parameter=1, clinician:Clinician123, application/fhir+json, 400, true",
        "PUT, /admin/sites/riverside-surgery/policy, clinician:Clinician123, application/json, 403, true",
        "GET, /admin/openapi.json, clinician:Clinician123, application/json, 200, true",
        "POST, /session, , application/x-www-form-urlencoded, 415, false",
        "POST, /fhir/Consent?no-such-parameter=1, clinician:Clinician123, application/fhir+json, 400, false",
        "PUT, /admin/sites/riverside-surgery/policy, clinician:Clinician123, application/json, 403, false",
    })
    void anAnswerGivenBeforeItsRequestsBodyWasReadKeepsTheConnectionForTheNextRequest(
            String method, String path, String credentials, String contentType, int status, boolean bodyLate)
            throws Exception {
        try (Socket socket = connect()) {
            byte[] head = head(method, path, credentials, contentType, BODY.length);
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

            Answer answer = readAnswer(socket.getInputStream());

            assertThat(answer.status()).isEqualTo(status);
            assertThat(answer.header("connection")).isNull();
            out.write("GET /session HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readAnswer(socket.getInputStream()).status()).isEqualTo(401);
        }
    }

    /** A body too long to read for nothing is not waited for: the refusal says the connection closes, and it does. */
    @Test
    void aRefusalOfALongBodyItDidNotReadSaysTheConnectionCloses() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(
                    "PUT",
                    "/admin/sites/riverside-surgery/policy",
                    "clinician:Clinician123",
                    "application/json",
                    3_000_000));
            out.write(BODY);
            out.flush();

            Answer refusal = readAnswer(socket.getInputStream());

            assertThat(refusal.status()).isEqualTo(403);
            assertThat(refusal.header("connection")).isEqualToIgnoringCase("close");
            assertThat(socket.getInputStream().read())
                    .as("the server closes the connection")
                    .isEqualTo(-1);
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

    private static byte[] head(String method, String path, String credentials, String contentType, long length) {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ")
                .append(contentType)
                .append("\r\nContent-Length: ")
                .append(length)
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
