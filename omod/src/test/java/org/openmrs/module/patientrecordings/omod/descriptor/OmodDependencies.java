/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.omod.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The lists that govern the .omod's lib/: the exclusions of the assembly descriptor, the reviewed artifacts, the
 * OpenMRS war's own libraries and the reviewed exceptions to the rules between them.
 */
final class OmodDependencies {

    static final Path ASSEMBLY = Path.of("src/main/assembly/omod.xml");
    static final Path REVIEWED = Path.of("src/main/assembly/lib-reviewed.txt");
    static final Path WAR_LIBS = Path.of("src/main/assembly/openmrs-3.0-war-libs.txt");
    static final Path WAR_RULES = Path.of("src/main/assembly/war-library-rules.txt");
    static final Path RUNTIME = Path.of("target/omod-runtime-dependencies.txt");

    /**
     * A line of {@code dependency:list} with absolute file names:
     * {@code group:artifact:type[:classifier]:version:scope:/path}.
     */
    private static final Pattern LISTED = Pattern.compile(
            "^\\s+([\\w.\\-]+):([\\w.\\-]+):[\\w\\-]+(?::([\\w.\\-]+))?:([\\w.\\-]+):(compile|runtime):(\\S+)");

    /** A jar of the war's list: {@code artifactId-version.jar}, the version starting at the first "-digit". */
    private static final Pattern WAR_JAR = Pattern.compile("^(.+?)-(\\d[^/]*)\\.jar$");

    private OmodDependencies() {}

    /**
     * A runtime dependency of the module.
     *
     * @param classifier null when none
     * @param file the jar, or the classes folder of a module of this build
     */
    record Dependency(String group, String artifact, String classifier, String version, Path file) {

        String key() {
            return group + ":" + artifact;
        }
    }

    /** A reviewed exception of {@link #WAR_RULES}. */
    enum Rule {
        ACCEPT_WAR,
        NOT_IN_WAR,
        SHIPS_OVER_WAR,
        DIFFERENT_LIBRARY;

        static Rule of(String text) {
            return valueOf(text.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    /** The {@code groupId:artifactId} patterns ({@code *} as artifactId matches all) excluded from lib/. */
    static List<String> excluded() throws IOException {
        try (InputStream in = Files.newInputStream(ASSEMBLY)) {
            NodeList excludes = ModuleDescriptor.parse(in).getElementsByTagName("exclude");
            List<String> patterns = new ArrayList<>();
            for (int i = 0; i < excludes.getLength(); i++) {
                patterns.add(((Element) excludes.item(i)).getTextContent().trim());
            }
            return patterns;
        }
    }

    /** The {@code groupId:artifactId} of each artifact reviewed for lib/. */
    static List<String> reviewed() throws IOException {
        return Files.readAllLines(REVIEWED).stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** The {@code groupId:artifactId} of each runtime dependency, as written by {@code dependency:list}. */
    static List<String> runtime() throws IOException {
        return dependencies().stream().map(Dependency::key).toList();
    }

    /** Every runtime dependency, with its version and file. */
    static List<Dependency> dependencies() throws IOException {
        List<Dependency> dependencies = new ArrayList<>();
        for (String line : Files.readAllLines(RUNTIME)) {
            Matcher m = LISTED.matcher(line);
            if (m.find()) {
                dependencies.add(new Dependency(m.group(1), m.group(2), m.group(3), m.group(4), Path.of(m.group(6))));
            }
        }
        return dependencies;
    }

    /** The war's libraries: artifactId to version. */
    static Map<String, String> warLibraries() throws IOException {
        Map<String, String> libraries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(WAR_LIBS)) {
            Matcher m = WAR_JAR.matcher(line.trim());
            if (!line.startsWith("#") && m.matches()) {
                libraries.put(m.group(1), m.group(2));
            }
        }
        return libraries;
    }

    /** The reviewed exceptions, by {@code groupId:artifactId}. */
    static Map<String, Rule> warRules() throws IOException {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (String line : Files.readAllLines(WAR_RULES)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] columns = trimmed.split("\\s+", 3);
            if (columns.length < 3 || columns[2].isBlank()) {
                throw new IllegalStateException(WAR_RULES + ": a rule needs an artifact, a rule and why: " + line);
            }
            if (rules.put(columns[0], Rule.of(columns[1])) != null) {
                throw new IllegalStateException(WAR_RULES + ": two rules for " + columns[0]);
            }
        }
        return rules;
    }

    static boolean isExcluded(String artifact, List<String> patterns) {
        String group = artifact.substring(0, artifact.indexOf(':'));
        return patterns.stream().anyMatch(p -> p.equals(artifact) || p.equals(group + ":*"));
    }

    /**
     * Whether the war's version of a library serves a module that resolves {@code needed}: the same major version,
     * and not older. Versions compare by their leading numbers ({@code 33.7.0-jre} is 33.7.0, {@code 7.4.1.Final}
     * is 7.4.1).
     */
    static boolean serves(String warVersion, String needed) {
        List<Integer> war = numbers(warVersion);
        List<Integer> module = numbers(needed);
        if (war.isEmpty() || module.isEmpty() || !war.get(0).equals(module.get(0))) {
            return false;
        }
        for (int i = 0; i < Math.max(war.size(), module.size()); i++) {
            int w = i < war.size() ? war.get(i) : 0;
            int m = i < module.size() ? module.get(i) : 0;
            if (w != m) {
                return w > m;
            }
        }
        return true;
    }

    /** The war's version of an artifact, by its artifactId. */
    static Optional<String> inWar(String artifact, Map<String, String> war) {
        return Optional.ofNullable(war.get(artifact.substring(artifact.indexOf(':') + 1)));
    }

    private static List<Integer> numbers(String version) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : version.split("[.\\-_]")) {
            if (!part.matches("\\d+")) {
                break;
            }
            numbers.add(Integer.valueOf(part));
        }
        return numbers;
    }
}
