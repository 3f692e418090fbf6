/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.servlet.ServletConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A module that fails to start on purpose, in a servlet container standing in for the host: the container starts
 * and keeps serving its own pages, the failure is reported once, and both of the module's endpoints answer 503 in
 * their own error format, naming the cause.
 */
class ModuleUnavailableIT {

    private final List<ModuleAvailability.Failure> reported = new ArrayList<>();
    private final ModuleAvailability availability = new ModuleAvailability(reported::add);
    private final HttpClient http = HttpClient.newHttpClient();
    private Server host;
    private String base;

    @AfterEach
    void stop() throws Exception {
        host.stop();
    }

    @Test
    void aLibraryClashInTheFhirEndpointLeavesTheHostRunningAndBothEndpointsAnswer503NamingIt() throws Exception {
        AtomicInteger adminBuilt = new AtomicInteger();
        start(
                new Servlet(UnavailableAnswer.FHIR, "start the FHIR endpoint", () -> {
                    throw new ExceptionInInitializerError(new IllegalStateException(
                            "Detected incompatible Protobuf Gencode/Runtime versions: gencode 4.33.6, runtime 4.31.1"));
                }),
                new Servlet(UnavailableAnswer.ADMIN, "start the administration API", () -> {
                    adminBuilt.incrementAndGet();
                    return (request, response) -> response.setStatus(204);
                }));

        HttpResponse<String> fhir = get("/fhir/R4/Media");
        HttpResponse<String> metadata = get("/fhir/R4/metadata");
        HttpResponse<String> admin = get("/admin/sites");

        assertThat(get("/host").statusCode()).as("the host's own page").isEqualTo(200);
        assertThat(fhir.statusCode()).isEqualTo(503);
        assertThat(fhir.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
        JsonObject outcome = JsonParser.parseString(fhir.body()).getAsJsonObject();
        assertThat(outcome.get("resourceType").getAsString()).isEqualTo("OperationOutcome");
        JsonObject issue = outcome.getAsJsonArray("issue").get(0).getAsJsonObject();
        assertThat(issue.get("severity").getAsString()).isEqualTo("fatal");
        assertThat(issue.get("code").getAsString()).isEqualTo("transient");
        assertThat(issue.get("diagnostics").getAsString())
                .contains("could not start the FHIR endpoint")
                .contains("gencode 4.33.6, runtime 4.31.1");
        assertThat(metadata.statusCode()).isEqualTo(503);
        assertThat(admin.statusCode()).isEqualTo(503);
        JsonObject adminIssue = JsonParser.parseString(admin.body())
                .getAsJsonObject()
                .getAsJsonArray("issues")
                .get(0)
                .getAsJsonObject();
        assertThat(adminIssue.get("severity").getAsString()).isEqualTo("fatal");
        assertThat(adminIssue.get("message").getAsString()).contains("gencode 4.33.6, runtime 4.31.1");
        assertThat(reported).as("the cause is reported once").hasSize(1);
    }

    @Test
    void aFailedStartBuildsNoEndpointAndBothAnswer503() throws Exception {
        availability.start("make sure the note concept exists", () -> {
            throw new IllegalStateException("the concept dictionary is read-only");
        });
        AtomicInteger built = new AtomicInteger();
        GuardedServlet.Endpoint works = (request, response) -> response.setStatus(204);

        start(
                new Servlet(UnavailableAnswer.FHIR, "start the FHIR endpoint", () -> {
                    built.incrementAndGet();
                    return works;
                }),
                new Servlet(UnavailableAnswer.ADMIN, "start the administration API", () -> {
                    built.incrementAndGet();
                    return works;
                }));

        assertThat(built).hasValue(0);
        assertThat(get("/fhir/R4/Media").body()).contains("could not make sure the note concept exists");
        assertThat(get("/admin/sites").statusCode()).isEqualTo(503);
        assertThat(reported).hasSize(1);
    }

    @Test
    void aModuleThatStartsServesItsEndpoints() throws Exception {
        GuardedServlet.Endpoint works = (request, response) -> response.setStatus(204);
        start(
                new Servlet(UnavailableAnswer.FHIR, "start the FHIR endpoint", () -> works),
                new Servlet(UnavailableAnswer.ADMIN, "start the administration API", () -> works));

        assertThat(get("/fhir/R4/Media").statusCode()).isEqualTo(204);
        assertThat(get("/admin/sites").statusCode()).isEqualTo(204);
        assertThat(reported).isEmpty();
    }

    private void start(Servlet fhir, Servlet admin) throws Exception {
        host = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder fhirHolder = new ServletHolder(fhir);
        fhirHolder.setInitOrder(1);
        ServletHolder adminHolder = new ServletHolder(admin);
        adminHolder.setInitOrder(2);
        context.addServlet(fhirHolder, "/fhir/*");
        context.addServlet(adminHolder, "/admin/*");
        context.addServlet(
                new ServletHolder(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void doGet(
                            jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                        res.setStatus(200);
                    }
                }),
                "/host");
        host.setHandler(context);
        host.start();
        base = "http://127.0.0.1:" + ((ServerConnector) host.getConnectors()[0]).getLocalPort();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** How a test builds an endpoint, failing as it likes. */
    @FunctionalInterface
    private interface Builder {
        GuardedServlet.Endpoint build() throws Exception;
    }

    private final class Servlet extends GuardedServlet {

        private static final long serialVersionUID = 1L;
        private final transient Builder builder;

        Servlet(UnavailableAnswer answer, String step, Builder builder) {
            super(availability, answer, step);
            this.builder = builder;
        }

        @Override
        protected Endpoint create(ServletConfig config) throws Exception {
            return builder.build();
        }
    }
}
