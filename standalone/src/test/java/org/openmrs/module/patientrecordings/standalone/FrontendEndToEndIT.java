/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The browser pages end to end: the real standalone server on a free loopback port, and the frontend's end-to-end
 * tests ({@code frontend/e2e}, playwright-core driving Debian's headless Chromium with fake camera and microphone)
 * against it. Screenshots of each screen land in {@code target/screenshots}. Needs {@code /usr/bin/chromium}
 * ({@code apt-get install -y chromium}; {@code .ci/run} installs it) and the frontend's {@code node_modules} (the
 * frontend module's {@code npm ci}); nothing downloads a browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontendEndToEndIT {

    private static final Path FRONTEND =
            Path.of("..", "frontend").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));

    private Path dataDir;
    private StandaloneApplication server;

    @BeforeAll
    void startServer() throws IOException {
        dataDir = Files.createTempDirectory("frontend-e2e");
        server = StandaloneServerContract.start(dataDir, List.of());
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void theClinicianWorkflowPassesInARealBrowser() throws Exception {
        assertThat(CHROMIUM)
                .as("Chromium for the end-to-end tests: apt-get install -y chromium")
                .isExecutable();
        assertThat(FRONTEND.resolve("node_modules/playwright-core"))
                .as("the frontend's dependencies: npm ci in frontend/ (the frontend module runs it)")
                .isDirectory();
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Path log = Path.of("target", "frontend-e2e.log").toAbsolutePath();
        Files.createDirectories(screenshots);
        ProcessBuilder npm = new ProcessBuilder("npm", "run", "e2e")
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        npm.environment().put("E2E_BASE_URL", "http://127.0.0.1:" + server.port());
        npm.environment().put("E2E_SCREENSHOTS", screenshots.toString());
        npm.environment().put("E2E_CHROMIUM", CHROMIUM.toString());
        npm.environment().put("CI", "true");
        Process process = npm.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);

        assertThat(finished)
                .as("the end-to-end tests finished within 15 minutes")
                .isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Tests").doesNotContain(" failed");
        try (Stream<Path> shots = Files.list(screenshots)) {
            assertThat(shots.map(p -> p.getFileName().toString()))
                    .contains("01-patient-recordings.png", "04-recording.png", "06-confirm-playback.png");
        }
    }
}
