/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellServletTest {

    private static final ShellSettings STANDALONE =
            new ShellSettings("/fhir", "/admin", "/fhir", null, "/session", "standalone");

    @TempDir
    Path built;

    private Server server;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private int serve(String contextPath, String mapping, boolean withIndex) throws Exception {
        Path shell =
                Files.createDirectories(built.resolve(ShellServlet.RESOURCES).resolve("assets"));
        if (withIndex) {
            Files.writeString(
                    shell.getParent().resolve("index.html"),
                    "<html><head><!--shell-settings--><script src=\"./assets/app-1.js\"></script></head></html>");
        }
        Files.writeString(shell.resolve("app-1.js"), "console.log('shell')");
        ClassLoader loader = new URLClassLoader(new URL[] {built.toUri().toURL()}, null);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(contextPath);
        context.addServlet(new ServletHolder(new ShellServlet(STANDALONE, loader)), mapping);
        server.setHandler(context);
        server.start();
        return connector.getLocalPort();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageCarriesItsSettingsAsDataAndWhereItIsMounted() throws Exception {
        int port = serve("/", "/", true);

        HttpResponse<String> page = get(port, "/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(c -> assertThat(c).contains("default-src 'self'", "script-src 'self'"));
        assertThat(page.body())
                .contains("<base href=\"/\">")
                .contains("<script type=\"application/json\" id=\"shell-settings\">")
                .contains("\"fhirBase\":\"/fhir\"", "\"sessionPath\":\"/session\"", "\"host\":\"standalone\"");
    }

    @Test
    void belowAContextPathTheSettingsAndTheBaseFollowIt() throws Exception {
        int port = serve("/openmrs", "/ui/*", true);

        HttpResponse<String> page = get(port, "/openmrs/ui/");

        assertThat(page.body()).contains("<base href=\"/openmrs/ui/\">", "\"fhirBase\":\"/openmrs/fhir\"");
    }

    @Test
    void assetsAreServedWithTheirTypeAndCachedForAYear() throws Exception {
        int port = serve("/", "/", true);

        HttpResponse<String> asset = get(port, "/assets/app-1.js");

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.body()).isEqualTo("console.log('shell')");
        assertThat(asset.headers().firstValue("Content-Type")).hasValue("text/javascript");
        assertThat(asset.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("immutable"));
    }

    @Test
    void nothingOutsideTheShellsFolderIsServed() throws Exception {
        int port = serve("/", "/", true);
        Files.writeString(built.resolve("secret.txt"), "secret");

        assertThat(get(port, "/assets/missing.js").statusCode()).isEqualTo(404);
        assertThat(get(port, "/../secret.txt").body())
                .doesNotContain("secret\n")
                .doesNotContain("\"secret\"");
        assertThat(get(port, "/assets/%2e%2e/%2e%2e/secret.txt").body()).doesNotContain("secret");
    }

    @Test
    void aServerBuiltWithoutThePagesSaysSo() throws Exception {
        int port = serve("/", "/", false);

        HttpResponse<String> page = get(port, "/");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("The browser pages were not built into this server");
    }
}
