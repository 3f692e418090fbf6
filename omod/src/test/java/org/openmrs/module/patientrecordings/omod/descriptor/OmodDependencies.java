/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.omod.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The lists that govern the .omod's lib/: the exclusions of the assembly descriptor and the reviewed artifacts. */
final class OmodDependencies {

    static final Path ASSEMBLY = Path.of("src/main/assembly/omod.xml");
    static final Path REVIEWED = Path.of("src/main/assembly/lib-reviewed.txt");
    static final Path RUNTIME = Path.of("target/omod-runtime-dependencies.txt");

    /** A line of {@code dependency:list}: {@code group:artifact:type[:classifier]:version:scope}. */
    private static final Pattern LISTED =
            Pattern.compile("^\\s+([\\w.\\-]+):([\\w.\\-]+):[\\w\\-]+(?::[\\w.\\-]+)?:[\\w.\\-]+:(compile|runtime)\\b");

    private OmodDependencies() {}

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
        List<String> artifacts = new ArrayList<>();
        for (String line : Files.readAllLines(RUNTIME)) {
            Matcher matcher = LISTED.matcher(line);
            if (matcher.find()) {
                artifacts.add(matcher.group(1) + ":" + matcher.group(2));
            }
        }
        return artifacts;
    }

    static boolean isExcluded(String artifact, List<String> patterns) {
        String group = artifact.substring(0, artifact.indexOf(':'));
        return patterns.stream().anyMatch(p -> p.equals(artifact) || p.equals(group + ":*"));
    }
}
