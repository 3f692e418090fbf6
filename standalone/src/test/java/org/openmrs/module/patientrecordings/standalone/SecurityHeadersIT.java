/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;

/**
 * SAF-3: every answer of the standalone server carries the security headers, the refusals and Jetty's own error
 * answers too: {@code nosniff}, {@code no-store} on everything but the shell's fingerprinted assets,
 * {@code no-referrer}, no framing of API answers, and a Content-Security-Policy (the shell's on its pages, "load
 * nothing" on the rest). The headers do not depend on the database, so H2 stands for all engines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersIT {

    private static final String ADMIN = "admin:" + StandaloneConfig.DEFAULT_ADMIN_PASSWORD;
    private static final String CLINICIAN = "clinician:Clinician123";

    private final HttpClient http = HttpClient.newHttpClient();

    private TemporaryServer server;

    @BeforeAll
    void startServer() throws IOException {
        server = TemporaryServer.start("security-headers-it");
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
        "GET, /health, , 200",
        "GET, /fhir/metadata, , 200",
        "GET, /admin/openapi.json, , 200",
        "GET, /fhir/Patient, admin, 200",
        "GET, /fhir/AuditEvent, admin, 200",
        "GET, /admin/sites, admin, 200",
        "GET, /session, , 401",
        "GET, /fhir/Patient, , 401",
        "GET, /fhir/Patient, wrong, 401",
        "GET, /admin/sites, , 401",
        "GET, /fhir/AuditEvent, clinician, 403",
        "GET, /admin/policies/export, clinician, 403",
        "GET, /fhir/Media/does-not-exist, admin, 404",
        "GET, /fhir/NoSuchType, admin, 404",
        "GET, /admin/no-such-endpoint, admin, 404",
        "DELETE, /health, admin, 405",
        "GET, /fhir/Patient?birthdate=not-a-date, admin, 400",
    })
    void everyApiAnswerCarriesTheApiHeaders(String method, String path, String user, int status) throws Exception {
        HttpResponse<String> answer = send(method, path, credentials(user));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertApiHeaders(answer.headers().map(), method + " " + path);
    }

    @Test
    void aPathJettyRefusesBeforeAnyServletCarriesTheApiHeaders() throws Exception {
        Map<String, List<String>> headers =
                raw("GET /fhir/Patient/..%2F..%2Fadmin HTTP/1.1\r\nHost: x\r\n" + "Connection: close\r\n\r\n");

        assertThat(headers.get(":status")).first().asString().startsWith("4");
        assertApiHeaders(headers, "an encoded ../");
    }

    @Test
    void aRequestJettyCannotParseCarriesTheApiHeaders() throws Exception {
        Map<String, List<String>> headers =
                raw("GET /fhir/Pat\u0000ient HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(headers.get(":status")).first().asString().startsWith("4");
        assertApiHeaders(headers, "a NUL byte");
    }

    @Test
    void theShellsPageCarriesItsOwnPolicyAndMayBeFramedByItsOriginOnly() throws Exception {
        HttpResponse<String> page = send("GET", "/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'self'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aMissingShellAssetIsRefusedWithTheHeaders() throws Exception {
        HttpResponse<String> missing = send("GET", "/assets/no-such-asset.js", null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(missing.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(missing.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(missing.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    private static void assertApiHeaders(Map<String, List<String>> headers, String what) {
        Map<String, String> lower = headers.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(
                        e -> e.getKey().toLowerCase(Locale.ROOT),
                        e -> e.getValue().get(0),
                        (a, b) -> a));
        assertThat(lower.get("cache-control")).as(what).contains("no-store");
        assertThat(lower)
                .as(what)
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("referrer-policy", "no-referrer")
                .containsEntry("x-frame-options", "DENY")
                .containsEntry("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
    }

    private static String credentials(String user) {
        if (user == null) {
            return null;
        }
        return switch (user) {
            case "admin" -> ADMIN;
            case "clinician" -> CLINICIAN;
            default -> "clinician:not-the-password";
        };
    }

    private HttpResponse<String> send(String method, String path, String credentials)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends bytes no HTTP client would; the status line is under ":status". */
    private Map<String, List<String>> raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
            String[] lines = head.split("\r\n");
            Map<String, List<String>> headers = new java.util.HashMap<>();
            headers.put(":status", List.of(lines[0].split(" ")[1]));
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).trim(),
                        List.of(lines[i].substring(colon + 1).trim()));
            }
            return headers;
        }
    }
}
