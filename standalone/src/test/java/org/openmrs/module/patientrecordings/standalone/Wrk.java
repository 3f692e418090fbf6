/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openmrs.module.patientrecordings.standalone.LoadDriver.Load;

/**
 * The load generator {@code wrk} (the Debian package {@code wrk}) as the benches' load driver: a process of its own,
 * written in C, so that the load it makes costs the server's machine far less than a Java driver in the bench's JVM
 * does. Runs keep-alive connections for a time and reads the rate, the median and 99th percentile latencies and the
 * failed answers from its {@code --latency} report.
 */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$");
    private static final Pattern NOT_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {}

    /** Whether {@code wrk} can be run here. */
    static boolean available() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return probe.waitFor(10, TimeUnit.SECONDS) && out.startsWith("wrk ");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code connections} keep-alive connections on two threads, GETting {@code target} for {@code seconds}. */
    static Load run(URI target, String authorization, int connections, int seconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "--threads",
                "2",
                "--connections",
                String.valueOf(connections),
                "--duration",
                seconds + "s",
                "--timeout",
                "10s",
                "--latency",
                "--header",
                "Accept: application/fhir+json"));
        if (authorization != null) {
            command.add("--header");
            command.add("Authorization: " + authorization);
        }
        command.add(target.toString());
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + report);
        }
        if (wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + report);
        }
        return parse(report);
    }

    /** The figures of one {@code wrk --latency} report. */
    static Load parse(String report) {
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (String line : report.split("\n")) {
            Matcher percentile = PERCENTILE.matcher(line);
            if (percentile.matches()) {
                double millis = millis(Double.parseDouble(percentile.group(2)), percentile.group(3));
                if (percentile.group(1).equals("50")) {
                    p50 = millis;
                } else {
                    p99 = millis;
                }
            }
        }
        long errors = count(NOT_2XX, report);
        Matcher sockets = SOCKET_ERRORS.matcher(report);
        if (sockets.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(sockets.group(group));
            }
        }
        Matcher rate = RATE.matcher(report);
        if (!rate.find() || Double.isNaN(p50) || Double.isNaN(p99)) {
            throw new IllegalStateException("not a wrk --latency report: " + report);
        }
        return new Load(Double.parseDouble(rate.group(1)), p50, p99, errors, (int)
                Math.min(Integer.MAX_VALUE, count(TOTAL, report)));
    }

    private static long count(Pattern pattern, String report) {
        Matcher matcher = pattern.matcher(report);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static double millis(double value, String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
