/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One benchmark's part of {@code target/bench/report.md} and {@code report.json}. Each bench class writes its part
 * ({@code target/bench/parts/<name>.md} and {@code .json}) and then rebuilds the two reports from every part present,
 * so that the benches can run alone or together and the report always holds the latest figures of each.
 */
final class BenchReport {

    static final Path OUT = Path.of("target", "bench");

    private final String name;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Object> results = new LinkedHashMap<>();

    /** @param name the part's file name, which also orders the parts in the report */
    BenchReport(String name) {
        this.name = name;
    }

    void line(String text) {
        lines.add(text);
    }

    void put(String key, Object value) {
        results.put(key, value);
    }

    /** The machine and its load right now: figures on a shared machine mean little without it. */
    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", load average "
                + loadAverage() + " at " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or "unknown". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Writes this part, then report.md and report.json from all parts. */
    Path publish() {
        try {
            Path parts = OUT.resolve("parts");
            Files.createDirectories(parts);
            Files.writeString(parts.resolve(name + ".md"), String.join("\n", lines) + "\n");
            Files.writeString(parts.resolve(name + ".json"), json(results));
            List<Path> markdown;
            List<Path> jsons;
            try (Stream<Path> all = Files.list(parts)) {
                List<Path> sorted = all.sorted().toList();
                markdown = sorted.stream()
                        .filter(p -> p.toString().endsWith(".md"))
                        .toList();
                jsons = sorted.stream()
                        .filter(p -> p.toString().endsWith(".json"))
                        .toList();
            }
            StringBuilder report = new StringBuilder("# Patient Recordings benchmark\n\n"
                    + "Every figure has the baseline measured in the same run beside it; each part says the machine's"
                    + " state when it ran.\n");
            for (Path part : markdown) {
                report.append('\n').append(Files.readString(part));
            }
            Files.writeString(OUT.resolve("report.md"), report.toString());
            StringBuilder merged = new StringBuilder("{\n");
            for (int i = 0; i < jsons.size(); i++) {
                String file = jsons.get(i).getFileName().toString();
                String body = Files.readString(jsons.get(i)).trim();
                merged.append("  \"")
                        .append(file, 0, file.length() - ".json".length())
                        .append("\": ")
                        .append(body.replace("\n", "\n  "))
                        .append(i + 1 < jsons.size() ? ",\n" : "\n");
            }
            Files.writeString(OUT.resolve("report.json"), merged.append("}\n").toString());
            return OUT.resolve("report.md");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String fmt2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String json(Map<String, Object> values) {
        StringBuilder out = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue();
            String text;
            if (value instanceof Double d) {
                text = d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.4f", d);
            } else if (value instanceof Number || value instanceof Boolean) {
                text = String.valueOf(value);
            } else {
                text = "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            }
            out.append("  \"").append(entry.getKey()).append("\": ").append(text);
            out.append(++i < values.size() ? ",\n" : "\n");
        }
        return out.append("}\n").toString();
    }
}
