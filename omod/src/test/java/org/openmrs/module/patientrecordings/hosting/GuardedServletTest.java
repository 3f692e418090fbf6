/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.web.SecurityHeaders;

/**
 * The servlets OpenMRS creates for the module put the security headers (SAF-3) on every answer: a served one, a
 * refusal and the 503 of a module that could not start.
 */
class GuardedServletTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aServedAnswerCarriesTheApiHeaders() throws Exception {
        int port = serve(
                new ModuleAvailability(),
                (request, response) -> response.getWriter().write("{}"));

        HttpResponse<String> answer = get(port);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertApiHeaders(answer);
    }

    @Test
    void aRefusalCarriesTheApiHeaders() throws Exception {
        int port = serve(
                new ModuleAvailability(),
                (request, response) -> response.sendError(HttpServletResponse.SC_FORBIDDEN, "not yours"));

        HttpResponse<String> answer = get(port);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertApiHeaders(answer);
    }

    @Test
    void theAnswerOfAModuleThatCouldNotStartCarriesTheApiHeaders() throws Exception {
        ModuleAvailability availability = new ModuleAvailability(failure -> {});
        availability.fail("start the test", new IllegalStateException("broken on purpose"));
        int port =
                serve(availability, (request, response) -> response.getWriter().write("never"));

        HttpResponse<String> answer = get(port);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertApiHeaders(answer);
    }

    /** Each header as {@link SecurityHeaders} says; a container may add to Cache-Control, as long as no-store stays. */
    private static void assertApiHeaders(HttpResponse<String> answer) {
        SecurityHeaders.Answer.API.headers().forEach((name, value) -> {
            if (name.equals("Cache-Control")) {
                assertThat(answer.headers().firstValue(name))
                        .as(name)
                        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            } else {
                assertThat(answer.headers().firstValue(name)).as(name).contains(value);
            }
        });
    }

    private int serve(ModuleAvailability availability, Handler handler) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new TestServlet(availability, handler)), "/api/*");
        server.setHandler(context);
        server.start();
        return connector.getLocalPort();
    }

    private HttpResponse<String> get(int port) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/thing"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private static final class TestServlet extends GuardedServlet {

        private static final long serialVersionUID = 1L;
        private final transient Handler handler;

        TestServlet(ModuleAvailability availability, Handler handler) {
            super(availability, UnavailableAnswer.ADMIN, "start the test");
            this.handler = handler;
        }

        @Override
        protected Endpoint create(ServletConfig config) {
            return handler::handle;
        }
    }
}
