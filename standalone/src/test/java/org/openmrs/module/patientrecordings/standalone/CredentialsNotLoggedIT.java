/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAF-3: no password reaches the log. The runnable jar runs as an installation runs it, with the module's own loggers
 * at debug, and is sent right and wrong passwords over Basic authentication and the browser's sign-in, and started
 * with configurations that are refused; its whole log then holds none of the passwords, neither as sent nor as the
 * Basic header carries them, while it does name what happened.
 */
class CredentialsNotLoggedIT {

    private static final String ADMIN_PASSWORD = "Qx7-admin-Secret-4411";
    private static final String WRONG_PASSWORD = "Wv3-wrong-Secret-9032";
    private static final String WRONG_SIGN_IN = "Pz5-signin-Secret-2787";
    private static final String SHORT_PASSWORD = "Kj2#Tt9";
    private static final String DATABASE_PASSWORD = "Dm8-database-Secret-6150";
    private static final List<String> DEBUG =
            List.of("-Dorg.slf4j.simpleLogger.log.org.openmrs.module.patientrecordings=debug");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void passwordsSentRightOrWrongAreNeverLogged(@TempDir Path work) throws Exception {
        Path log = work.resolve("server.log");
        List<String> jvmOptions = new ArrayList<>(ServerProcess.JVM_OPTIONS);
        jvmOptions.addAll(DEBUG);
        ServerProcess server = ServerProcess.start(
                jvmOptions,
                work.resolve("data"),
                List.of("--demo-data=false", "--admin-password=" + ADMIN_PASSWORD),
                log);
        try {
            String base = "http://127.0.0.1:" + server.port();
            assertThat(get(base + "/admin/sites", basic("admin", ADMIN_PASSWORD)))
                    .isEqualTo(200);
            assertThat(get(base + "/fhir/Media?patient=someone", basic("admin", ADMIN_PASSWORD)))
                    .isEqualTo(200);
            for (int attempt = 0; attempt < 4; attempt++) {
                assertThat(get(base + "/admin/sites", basic("admin", WRONG_PASSWORD)))
                        .isEqualTo(401);
            }
            assertThat(get(base + "/fhir/Media?patient=someone", basic(WRONG_PASSWORD, WRONG_PASSWORD)))
                    .isEqualTo(401);
            assertThat(signIn(base, "admin", WRONG_SIGN_IN)).isEqualTo(401);
            assertThat(signIn(base, "admin", ADMIN_PASSWORD)).isEqualTo(200);
        } finally {
            server.kill();
        }

        String written = Files.readString(log);
        assertThat(written).contains("event=started");
        assertNoSecret(written, ADMIN_PASSWORD, WRONG_PASSWORD, WRONG_SIGN_IN);
        assertThat(written)
                .doesNotContain(base64("admin:" + ADMIN_PASSWORD))
                .doesNotContain(base64("admin:" + WRONG_PASSWORD))
                .doesNotContain(base64(WRONG_PASSWORD + ":" + WRONG_PASSWORD));
    }

    @Test
    void aRefusedPasswordSettingIsNamedWithoutItsValue(@TempDir Path work) throws Exception {
        String log = refusedStart(work, List.of("--demo-data=false", "--admin-password=" + SHORT_PASSWORD));

        assertThat(log).contains("admin-password");
        assertNoSecret(log, SHORT_PASSWORD);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsNamedWithoutItsPassword(@TempDir Path work) throws Exception {
        String log = refusedStart(
                work,
                List.of(
                        "--demo-data=false",
                        "--jdbc-url=jdbc:postgresql://127.0.0.1:1/nothing",
                        "--jdbc-user=nobody",
                        "--jdbc-password=" + DATABASE_PASSWORD));

        assertThat(log).contains("127.0.0.1:1");
        assertNoSecret(log, DATABASE_PASSWORD);
    }

    /** Runs the jar with a configuration it must refuse, and answers its whole log once it has exited. */
    private static String refusedStart(Path work, List<String> flags) throws Exception {
        Path data = work.resolve("data");
        Files.createDirectories(data);
        Path log = work.resolve("refused.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                DEBUG.get(0),
                "-jar",
                ServerProcess.JAR.toAbsolutePath().toString(),
                "--port=0",
                "--bind-address=127.0.0.1",
                "--data-dir=" + data));
        command.addAll(flags);
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            assertThat(process.waitFor(2, TimeUnit.MINUTES))
                    .as("the refused start ends by itself")
                    .isTrue();
            assertThat(process.exitValue()).as("exit status of a refused start").isNotZero();
        } finally {
            process.destroyForcibly();
        }
        return Files.readString(log);
    }

    private static void assertNoSecret(String log, String... secrets) {
        assertThat(log).isNotBlank();
        for (String secret : secrets) {
            assertThat(log).as("the log holds no password").doesNotContain(secret);
        }
    }

    private int get(String url, String authorization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int signIn(String base, String username, String password) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(String username, String password) {
        return "Basic " + base64(username + ":" + password);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
