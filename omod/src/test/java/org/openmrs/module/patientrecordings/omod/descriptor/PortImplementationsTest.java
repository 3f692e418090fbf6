/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.omod.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every host port of the core has an OpenMRS implementation. The adapter compiles only under the {@code openmrs}
 * profile, so this reads the sources: a class under src/main/openmrs/java must declare {@code implements} of each
 * interface in the core's {@code port} package.
 */
class PortImplementationsTest {

    private static final Path PORTS = Path.of("../api/src/main/java/org/openmrs/module/patientrecordings/port");
    private static final Path ADAPTER = Path.of("src/main/openmrs/java");
    private static final Pattern INTERFACE = Pattern.compile("public\\s+interface\\s+(\\w+)");

    @Test
    void everyPortHasAnOpenmrsImplementation() throws IOException {
        List<String> ports = ports();
        assertThat(ports)
                .contains("PatientDirectory", "EncounterDirectory", "ClinicalNotes", "SiteDirectory", "CurrentUser")
                .contains("ContentBackend");
        List<String> adapterSources = adapterSources();
        for (String port : ports) {
            Pattern implementation =
                    Pattern.compile("\\bclass\\s+\\w+[^{]*\\bimplements\\b[^{]*\\b" + port + "\\b", Pattern.DOTALL);
            assertThat(adapterSources)
                    .as("an OpenMRS implementation of port %s under %s", port, ADAPTER)
                    .anyMatch(source -> implementation.matcher(source).find());
        }
    }

    private static List<String> ports() throws IOException {
        List<String> ports = new ArrayList<>();
        try (Stream<Path> files = Files.list(PORTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = INTERFACE.matcher(Files.readString(file));
                if (matcher.find()) {
                    ports.add(matcher.group(1));
                }
            }
        }
        return ports;
    }

    private static List<String> adapterSources() throws IOException {
        try (Stream<Path> files = Files.walk(ADAPTER)) {
            List<String> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(file));
            }
            return sources;
        }
    }
}
