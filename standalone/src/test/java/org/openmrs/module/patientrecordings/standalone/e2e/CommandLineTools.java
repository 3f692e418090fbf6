/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The programs the README's examples call. curl must be 7.76 or newer, the first with {@code --fail-with-body}.
 */
final class CommandLineTools {

    private static final Pattern CURL_VERSION = Pattern.compile("^curl (\\d+)\\.(\\d+)");
    private static final List<String> OTHERS = List.of("bash", "sed", "grep", "head", "tail", "tr", "cmp", "unzip");

    private CommandLineTools() {}

    /** What is missing or too old, empty when the examples can run. */
    static List<String> missing() {
        List<String> missing = new ArrayList<>();
        Optional<String> curl = firstLine("curl", "--version");
        if (curl.isEmpty()) {
            missing.add("curl (not found on the PATH)");
        } else if (!recentCurl(curl.get())) {
            missing.add("curl 7.76 or newer (found: " + curl.get() + ")");
        }
        for (String tool : OTHERS) {
            if (firstLine("bash", "-c", "command -v " + tool).isEmpty()) {
                missing.add(tool + " (not found on the PATH)");
            }
        }
        return missing;
    }

    static boolean recentCurl(String versionLine) {
        Matcher version = CURL_VERSION.matcher(versionLine);
        if (!version.find()) {
            return false;
        }
        int major = Integer.parseInt(version.group(1));
        int minor = Integer.parseInt(version.group(2));
        return major > 7 || (major == 7 && minor >= 76);
    }

    private static Optional<String> firstLine(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            if (process.exitValue() != 0 || output.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(output.lines().findFirst().orElse("").trim());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
