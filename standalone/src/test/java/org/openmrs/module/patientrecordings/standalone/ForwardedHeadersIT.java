/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Behind a TLS-terminating reverse proxy ({@code forwarded-headers=true}) the links the server writes and the Secure
 * attribute of the sign-in cookie follow the address the client used, as the proxy's {@code X-Forwarded-*} or {@code
 * Forwarded} headers say; without the setting (the default) those headers, which any client could send, change
 * nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardedHeadersIT {

    private static final String CLINICIAN =
            "Basic " + Base64.getEncoder().encodeToString("clinician:Clinician123".getBytes(StandardCharsets.UTF_8));
    private static final String SEARCH = "/fhir/Media?patient=" + DemoData.ADULT.value();
    private static final List<String> X_FORWARDED =
            List.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "records.example.org");
    private static final List<String> X_FORWARDED_PORT = List.of(
            "X-Forwarded-Proto", "https", "X-Forwarded-Host", "records.example.org", "X-Forwarded-Port", "8443");
    private static final List<String> FORWARDED = List.of("Forwarded", "proto=https;host=records.example.org");
    private static final Pattern SELF = Pattern.compile("\"relation\":\"self\",\"url\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private TemporaryServer proxied;
    private TemporaryServer direct;

    @BeforeAll
    void startServers() throws IOException {
        proxied = TemporaryServer.start("forwarded-headers-it", "--forwarded-headers=true");
        direct = TemporaryServer.start("forwarded-headers-off-it");
    }

    @AfterAll
    void stopServers() throws IOException {
        try {
            if (proxied != null) {
                proxied.close();
            }
        } finally {
            if (direct != null) {
                direct.close();
            }
        }
    }

    @Test
    void behindTheProxyASearchLinksToTheAddressTheClientUsed() throws Exception {
        assertThat(selfLink(proxied, X_FORWARDED)).isEqualTo("https://records.example.org" + SEARCH);
        assertThat(selfLink(proxied, FORWARDED)).isEqualTo("https://records.example.org" + SEARCH);
        assertThat(selfLink(proxied, X_FORWARDED_PORT)).isEqualTo("https://records.example.org:8443" + SEARCH);
        // A request that came past the proxy, or a proxy that sets nothing: the address it was sent to.
        assertThat(selfLink(proxied, List.of())).isEqualTo("http://127.0.0.1:" + proxied.port() + SEARCH);
    }

    @Test
    void behindTheProxyWhatIsCreatedIsLocatedAtTheAddressTheClientUsed() throws Exception {
        HttpResponse<String> created = send(
                X_FORWARDED,
                HttpRequest.newBuilder(uri(proxied, "/fhir/Consent"))
                        .header("Authorization", CLINICIAN)
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofFile(
                                StandaloneServerContract.example("consent-given.json"))));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(
                        location -> assertThat(location).startsWith("https://records.example.org/fhir/Consent/"));
    }

    @Test
    void behindTheProxyTheSignInCookieIsSentOverHttpsOnly() throws Exception {
        assertThat(signInCookie(proxied, X_FORWARDED)).contains("HttpOnly").endsWith("; Secure");
        assertThat(signInCookie(proxied, List.of())).contains("HttpOnly").doesNotContain("Secure");
    }

    @Test
    void withoutTheSettingTheHeadersChangeNothing() throws Exception {
        assertThat(selfLink(direct, X_FORWARDED)).isEqualTo("http://127.0.0.1:" + direct.port() + SEARCH);
        assertThat(selfLink(direct, FORWARDED)).isEqualTo("http://127.0.0.1:" + direct.port() + SEARCH);
        assertThat(signInCookie(direct, X_FORWARDED)).contains("HttpOnly").doesNotContain("Secure");
    }

    private String selfLink(TemporaryServer server, List<String> headers) throws Exception {
        HttpResponse<String> bundle = send(
                headers,
                HttpRequest.newBuilder(uri(server, SEARCH))
                        .header("Authorization", CLINICIAN)
                        .GET());
        assertThat(bundle.statusCode()).as(bundle.body()).isEqualTo(200);
        Matcher self = SELF.matcher(bundle.body());
        assertThat(self.find()).as(bundle.body()).isTrue();
        return self.group(1);
    }

    private String signInCookie(TemporaryServer server, List<String> headers) throws Exception {
        HttpResponse<String> signedIn = send(
                headers,
                HttpRequest.newBuilder(uri(server, "/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"clinician\",\"password\":\"Clinician123\"}")));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        return signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    }

    private HttpResponse<String> send(List<String> headers, HttpRequest.Builder request) throws Exception {
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(TemporaryServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
