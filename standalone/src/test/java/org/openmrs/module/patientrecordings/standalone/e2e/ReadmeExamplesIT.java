/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.standalone.StandaloneApplication;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The README's FHIR and administration examples, run as written: the real application on a free loopback port with
 * a fresh data directory, and the {@code ```sh} blocks of those two sections one after another in one
 * {@code bash -euo pipefail}, from a working directory holding {@code docs/examples}, with the published address
 * replaced by the test server's. Every block must succeed, and each answer the README describes must be there.
 *
 * <p>Needs curl (7.76 or newer), bash, unzip and the usual text tools. Without them the test is skipped, or fails
 * naming what is missing when {@code PATIENTRECORDINGS_REQUIRE_DATABASES=true} (as in CI).
 */
class ReadmeExamplesIT {

    private static final String PUBLISHED_ADDRESS = "localhost:8080";
    private static final List<String> SECTIONS = List.of("## The FHIR API", "## The administration API");
    private static final String MARK = ">>> README block ";
    private static final long SCRIPT_TIMEOUT_MINUTES = 5;
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /**
     * What the README promises, in its order: the first block (from the previous one on) whose source contains
     * {@code block} must print a match of every pattern.
     */
    private static final List<Expectation> EXPECTED = List.of(
            expect("/health", "\"status\":\"UP\""),
            expect("/metadata", "StructureDefinition/recording-media", "StructureDefinition/recording-consent"),
            expect("recording-start.json", "\"code\":\"CON-1\"", "HTTP 422"),
            expectPattern("consent-given.json", "Consent/" + UUID),
            expectPattern("MEDIA=$(", "Media/" + UUID),
            expect("$binary-access-write", "Upload-Offset: 2000000", "Upload-Offset: 3000000"),
            expect("$complete", "\"status\":\"completed\"", "\"code\":\"AWAITING_CONFIRMATION\""),
            expect("_include=Media:consent", "/fhir/Media/", "/fhir/Consent/"),
            expect(
                    "/_history\"",
                    "\"versionId\":\"3\"",
                    "\"versionId\":\"2\"",
                    "\"versionId\":\"1\"",
                    "\"status\":\"in-progress\""),
            expect("_lastUpdated=ge", "/fhir/Media/", "\"total\":0"),
            expect(
                    "Range: bytes=0-99",
                    "206 Partial Content",
                    "Content-Range: bytes 0-99/3000000",
                    "Accept-Ranges: bytes",
                    "the first 100 bytes match"),
            expect("$confirm-consent", "\"valueBoolean\":true", "\"code\":\"CONFIRMED\""),
            expect("$withdraw", "\"status\":\"inactive\""),
            expect("$SECOND\"", "\"code\":\"CON-5\"", "HTTP 403", "\"code\":\"WITHDRAWN\""),
            expect("-X DELETE", "\"code\":\"REC-1\"", "HTTP 405"),
            expect("AuditEvent?entity", "action PLAY", "action REFUSED; delete", "consent given", "consent withdrawn"),
            expect("$subject-access", "manifest.json", "content/"),
            expect(
                    "OperationDefinition/Media-disclose",
                    "\"url\":\"https://fhir.openmrs.org/patientrecordings/OperationDefinition/Media-disclose\""),
            expect("policy.headers", "ETag: \"1\""),
            expect("-X PUT", "ETag: \"2\"", "\"code\": \"VER-1\"", "HTTP 412"),
            expect("policy/diff", "\"from\": 1", "\"to\": 2", "CAR_PARK", "\"after\": \"BLOCK\""),
            expect("staff-objections", "\"code\":\"STF-1\"", "HTTP 422", "\"active\": false"),
            expect("legal-holds", "PALS-2026-031", "\"liftReason\"", "\"active\": false"),
            expect("$FHIR/Flag?", "\"resourceType\":\"Flag\"", "\"status\":\"inactive\"", "PALS-2026-031"),
            expect("policies/export", "\"dryRun\": true", "\"status\": \"CHANGED\""));

    @TempDir
    Path temp;

    @Test
    void theCurlExamplesOfTheReadmeWorkAsWritten() throws Exception {
        requireTools();
        Path root = repositoryRoot();
        String readme = Files.readString(root.resolve("README.md"));
        List<String> blocks = new ArrayList<>();
        for (String section : SECTIONS) {
            List<String> ofSection = ReadmeShellBlocks.of(readme, section);
            assertThat(ofSection).as("sh blocks of " + section).isNotEmpty();
            blocks.addAll(ofSection);
        }
        assertThat(String.join("\n", blocks)).as("the published address").contains(PUBLISHED_ADDRESS);
        Path work = Files.createDirectories(temp.resolve("work"));
        copyTree(root.resolve("docs").resolve("examples"), work.resolve("docs").resolve("examples"));
        Path data = temp.resolve("data");

        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Run run;
        try (StandaloneApplication server = StandaloneApplication.start(StandaloneConfig.parse(
                List.of("--port=0", "--bind-address=127.0.0.1", "--data-dir=" + data), Map.of(), data))) {
            run = runScript(script(blocks, "127.0.0.1:" + server.port()), work);
        }

        List<String> outputs = run.outputsPerBlock();
        if (run.exitCode() != 0) {
            int failed = outputs.size() - 1;
            fail(
                    "README block %d failed (exit %d):%n%s%n--- its output:%n%s",
                    failed,
                    run.exitCode(),
                    failed < 0 ? "(none ran)" : blocks.get(failed),
                    failed < 0 ? run.output() : outputs.get(failed));
        }
        assertThat(outputs).as("blocks run").hasSize(blocks.size());
        int from = 0;
        for (Expectation expectation : EXPECTED) {
            int index = indexOfBlock(blocks, expectation.block(), from);
            assertThat(index)
                    .as("a README block containing %s after block %d", expectation.block(), from)
                    .isNotNegative();
            for (Pattern pattern : expectation.output()) {
                assertThat(outputs.get(index))
                        .as("output of README block %d:%n%s", index, blocks.get(index))
                        .containsPattern(pattern);
            }
            from = index;
        }
    }

    private static void requireTools() {
        List<String> missing = CommandLineTools.missing();
        if (missing.isEmpty()) {
            return;
        }
        String message = "The README examples need " + String.join(", ", missing);
        if ("true".equalsIgnoreCase(System.getenv("PATIENTRECORDINGS_REQUIRE_DATABASES"))) {
            fail(message + " (PATIENTRECORDINGS_REQUIRE_DATABASES=true)");
        }
        Assumptions.abort(message);
    }

    /** The folder of the root README: the module's working directory or one of its parents. */
    private static Path repositoryRoot() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path readme = dir.resolve("README.md");
            if (Files.isRegularFile(readme)
                    && Files.isDirectory(dir.resolve("docs").resolve("examples"))
                    && Files.readString(readme).contains(SECTIONS.get(0))) {
                return dir;
            }
        }
        throw new AssertionError("No README.md with '" + SECTIONS.get(0) + "' and docs/examples above "
                + Path.of("").toAbsolutePath());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static String script(List<String> blocks, String address) {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            script.append("printf '%s\\n' '").append(MARK).append(i).append("'\n");
            script.append(blocks.get(i).replace(PUBLISHED_ADDRESS, address)).append('\n');
        }
        return script.toString();
    }

    private static Run runScript(String script, Path work) throws IOException, InterruptedException {
        Path file = work.resolve("readme-examples.sh");
        Files.writeString(file, script);
        Path output = work.resolve("readme-examples.out");
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", file.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // The server is on the loopback interface: never through a proxy.
        builder.environment().put("NO_PROXY", "127.0.0.1,localhost");
        builder.environment().put("no_proxy", "127.0.0.1,localhost");
        Process process = builder.start();
        if (!process.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            fail(
                    "The README examples did not finish within %d minutes:%n%s",
                    SCRIPT_TIMEOUT_MINUTES, Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static int indexOfBlock(List<String> blocks, String text, int from) {
        for (int i = from; i < blocks.size(); i++) {
            if (blocks.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static Expectation expect(String block, String... literals) {
        return new Expectation(
                block,
                Stream.of(literals).map(Pattern::quote).map(Pattern::compile).toList());
    }

    private static Expectation expectPattern(String block, String regex) {
        return new Expectation(block, List.of(Pattern.compile(regex)));
    }

    /** Patterns the output of the first block containing {@code block} must match. */
    private record Expectation(String block, List<Pattern> output) {}

    /** The script's exit code and everything it printed, both streams. */
    private record Run(int exitCode, String output) {

        /** The output of each block that started, in order. */
        List<String> outputsPerBlock() {
            List<String> outputs = new ArrayList<>();
            StringBuilder current = null;
            for (String line : output.split("\n", -1)) {
                if (line.startsWith(MARK)) {
                    if (current != null) {
                        outputs.add(current.toString());
                    }
                    current = new StringBuilder();
                } else if (current != null) {
                    current.append(line).append('\n');
                }
            }
            if (current != null) {
                outputs.add(current.toString());
            }
            return outputs;
        }
    }
}
