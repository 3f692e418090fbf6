/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The browser's sign-in (SAF-3) through the running server: a session cookie instead of the password on every
 * request, a CSRF token on every change, sign-out, and no Basic password dialog for the shell's requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserSignInIT {

    private static final String CLINICIAN = "{\"username\":\"clinician\",\"password\":\"Clinician123\"}";
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private TemporaryServer server;

    @BeforeAll
    void startServer() throws IOException {
        server = TemporaryServer.start("sign-in-it");
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieAndAnswersTheUserTheirPrivilegesAndACsrfToken() throws Exception {
        HttpResponse<String> response = signIn(CLINICIAN);

        assertThat(response.statusCode()).isEqualTo(200);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("patientrecordings_session=").contains("HttpOnly", "SameSite=Strict", "Path=/");
        assertThat(response.body())
                .contains("\"username\":\"clinician\"", "\"VIEW_RECORDINGS\"", "\"MANAGE_CONSENT\"", "\"csrfToken\":")
                .doesNotContain("VIEW_AUDIT", "Clinician123");
    }

    @Test
    void aSignedInBrowserReadsWithItsCookieAlone() throws Exception {
        Session session = session();

        HttpResponse<String> patients =
                send(request(session, "/fhir/Patient?name=Clarke").GET());
        HttpResponse<String> me = send(request(session, "/session").GET());

        assertThat(patients.statusCode()).isEqualTo(200);
        assertThat(patients.body()).contains("\"resourceType\":\"Bundle\"");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"csrfToken\":\"" + session.csrf() + "\"");
    }

    @Test
    void aChangeWithTheCookieButWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        Session session = session();
        String body = "{\"staff\":\"someone\",\"comment\":\"forged\"}";

        HttpResponse<String> forged = send(request(session, "/admin/registers/staff-objections")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> wrongToken = send(request(session, "/admin/registers/staff-objections")
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", session.csrf() + "x")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> fhirForged = send(request(session, "/fhir/Consent")
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Consent\"}")));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("\"code\":\"SAF-3\"", "CSRF");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(fhirForged.statusCode()).isEqualTo(403);
        assertThat(fhirForged.body()).contains("\"resourceType\":\"OperationOutcome\"", "\"code\":\"SAF-3\"");
        HttpResponse<String> register =
                send(request(session, "/admin/registers/staff-objections").GET());
        assertThat(register.body()).doesNotContain("forged");
    }

    @Test
    void aChangeWithTheCsrfTokenGoesThroughToTheRules() throws Exception {
        Session session = session();

        HttpResponse<String> consent = send(request(session, "/fhir/Consent")
                .header("Content-Type", "application/fhir+json")
                .header("X-CSRF-Token", session.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Consent\",\"status\":\"active\"}")));

        assertThat(consent.statusCode()).isNotIn(401, 403);
        assertThat(consent.body()).contains("OperationOutcome").doesNotContain("CSRF");
    }

    @Test
    void aWrongPasswordOpensNoSessionAndAsksForNoBasicPassword() throws Exception {
        HttpResponse<String> response = signIn("{\"username\":\"clinician\",\"password\":\"wrong-password\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.body()).contains("\"code\":\"SAF-3\"");
    }

    @Test
    void signInAcceptsOnlyJsonSoThatNoOtherSiteCanPostAForm() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/session"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=clinician&password=Clinician123")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionAndClearsTheCookie() throws Exception {
        Session session = session();

        HttpResponse<String> withoutToken = send(request(session, "/session").DELETE());
        HttpResponse<String> out = send(request(session, "/session")
                .header("X-CSRF-Token", session.csrf())
                .DELETE());
        HttpResponse<String> after = send(request(session, "/fhir/Patient").GET());

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void theShellsRequestsWithoutASessionGetNoBasicChallengeWhileOtherClientsDo() throws Exception {
        HttpResponse<String> fromShell = send(HttpRequest.newBuilder(uri("/fhir/Patient"))
                .header("X-CSRF-Token", "none")
                .GET());
        HttpResponse<String> fromOthers =
                send(HttpRequest.newBuilder(uri("/fhir/Patient")).GET());

        assertThat(fromShell.statusCode()).isEqualTo(401);
        assertThat(fromShell.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(fromOthers.statusCode()).isEqualTo(401);
        assertThat(fromOthers.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void basicCredentialsStillWorkBesideSessions() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/fhir/Patient"))
                .header("Authorization", "Basic Y2xpbmljaWFuOkNsaW5pY2lhbjEyMw==")
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private Session session() throws Exception {
        HttpResponse<String> response = signIn(CLINICIAN);
        assertThat(response.statusCode()).isEqualTo(200);
        String cookie =
                response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Matcher csrf = CSRF.matcher(response.body());
        assertThat(csrf.find()).isTrue();
        return new Session(cookie, csrf.group(1));
    }

    private HttpResponse<String> signIn(String json) throws Exception {
        return send(HttpRequest.newBuilder(uri("/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(Session session, String path) {
        return HttpRequest.newBuilder(uri(path)).header("Cookie", session.cookie());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private record Session(String cookie, String csrf) {}
}
