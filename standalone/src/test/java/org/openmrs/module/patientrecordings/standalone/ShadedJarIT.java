/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deliverable itself: {@code java -jar target/patient-recordings.jar} starts (main class, merged service files,
 * stripped signatures), answers, and stops gracefully on SIGTERM. The log goes to a file because
 * {@link Process#destroy()} closes the pipes it would otherwise be read from.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "patient-recordings.jar");
    private static final Pattern STARTED = Pattern.compile("event=started .*port=(\\d+)");

    @TempDir
    Path workingDir;

    @Test
    void theJarStartsAnswersAndStopsGracefullyOnSigterm() throws Exception {
        assertThat(JAR).isRegularFile();
        Path log = workingDir.resolve("server.log");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "--port=0",
                        "--bind-address=127.0.0.1",
                        "--demo-data=false"))
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            int port = awaitStart(process, log);

            assertThat(get(port, "/health", "admin:Admin123").statusCode()).isEqualTo(200);
            assertThat(get(port, "/fhir/metadata", null).statusCode()).isEqualTo(200);
            assertThat(get(port, "/fhir/Patient", null).statusCode()).isEqualTo(401);
        } finally {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("stopped within a minute")
                    .isTrue();
        }
        String output = Files.readString(log);
        assertThat(output).contains("event=stopping", "event=stopped").doesNotContain("Admin123");
        assertThat(workingDir.resolve("data").resolve("master.key")).isRegularFile();
    }

    /**
     * The jar runs on Java 17 whatever JDK built it, and whatever profile built the omod: the project's classes are
     * Java 17 class files (major version 61), and the OpenMRS adapter (Java 21) is not in it.
     */
    @Test
    void theProjectsClassesRunOnJava17AndTheOpenmrsAdapterIsLeftOut() throws IOException {
        assertThat(JAR).isRegularFile();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<JarEntry> ours = Collections.list(jar.entries()).stream()
                    .filter(e -> e.getName().startsWith("org/openmrs/module/patientrecordings/"))
                    .filter(e -> e.getName().endsWith(".class"))
                    .toList();
            assertThat(ours).isNotEmpty();
            assertThat(ours).noneMatch(e -> e.getName().startsWith("org/openmrs/module/patientrecordings/openmrs/"));
            for (JarEntry entry : ours) {
                try (DataInputStream in = new DataInputStream(jar.getInputStream(entry))) {
                    in.readInt();
                    in.readUnsignedShort();
                    assertThat(in.readUnsignedShort()).as(entry.getName()).isLessThanOrEqualTo(61);
                }
            }
        }
    }

    private static int awaitStart(Process process, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            Matcher started = STARTED.matcher(Files.readString(log));
            if (started.find()) {
                return Integer.parseInt(started.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("the jar exited before starting:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the jar did not start within two minutes:\n" + Files.readString(log));
    }

    private static HttpResponse<String> get(int port, String path, String credentials)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
