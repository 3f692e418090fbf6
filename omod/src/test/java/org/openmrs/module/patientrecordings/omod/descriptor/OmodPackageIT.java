/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.omod.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.omod.descriptor.OmodDependencies.Rule;

/**
 * The packed .omod (built under the {@code openmrs} profile): descriptor files at its root, no library in lib/ that
 * the exclusions keep out or that the OpenMRS war ships (but for the reviewed rules), and the protobuf runtime Tink
 * needs. In the {@code openmrs} build (the OpenMRS API on the class path) a missing .omod fails the test; any other
 * build packs none, and the test is skipped there.
 */
class OmodPackageIT {

    /** A class of openmrs-api, named as a resource so that this test needs no OpenMRS class to compile. */
    static final String OPENMRS_API_CLASS = "org/openmrs/api/context/Context.class";

    private static final Pattern JAR_NAME = Pattern.compile("^(.+?)-(\\d.*)\\.jar$");

    @Test
    void carriesTheDescriptorAtItsRootAndNoExcludedLibrary() throws IOException {
        Path omod = packedOmod();
        if (builtAgainstOpenmrs()) {
            assertThat(omod)
                    .as("the openmrs build packs an .omod into target/ before its integration tests")
                    .isNotNull();
        } else {
            assumeTrue(omod != null, "no .omod packed (build with -Popenmrs)");
        }
        List<String> excluded = OmodDependencies.excluded();
        try (JarFile jar = new JarFile(omod.toFile())) {
            for (String root :
                    List.of("config.xml", "liquibase.xml", "moduleApplicationContext.xml", "messages.properties")) {
                assertThat(jar.getEntry(root)).as(root).isNotNull();
            }
            String config =
                    new String(jar.getInputStream(jar.getEntry("config.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(config).doesNotContain("${");
            List<String> libs = Collections.list(jar.entries()).stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("lib/".length()))
                    .toList();
            assertThat(libs).anyMatch(name -> name.startsWith("patientrecordings-api-"));
            for (String pattern : excluded) {
                String artifactId = pattern.substring(pattern.indexOf(':') + 1);
                if (!artifactId.equals("*")) {
                    assertThat(libs)
                            .as("lib/ must not carry %s", pattern)
                            .noneMatch(name -> name.matches("\\Q" + artifactId + "\\E-\\d.*\\.jar"));
                }
            }
            assertThat(libs).as("lib/ must not carry Spring").noneMatch(name -> name.startsWith("spring-"));
            Map<String, String> war = OmodDependencies.warLibraries();
            Map<String, Rule> rules = OmodDependencies.warRules();
            for (String lib : libs) {
                Matcher name = JAR_NAME.matcher(lib);
                assertThat(name.matches()).as(lib).isTrue();
                String artifactId = name.group(1);
                if (war.containsKey(artifactId)) {
                    assertThat(rules.entrySet())
                            .as("lib/%s: the war ships %s-%s", lib, artifactId, war.get(artifactId))
                            .anyMatch(r -> r.getKey().endsWith(":" + artifactId)
                                    && (r.getValue() == Rule.SHIPS_OVER_WAR || r.getValue() == Rule.DIFFERENT_LIBRARY));
                }
            }
            assertThat(libs)
                    .as("Tink needs protobuf-java 4.33.6")
                    .anyMatch(name -> name.startsWith("protobuf-java-4.")
                            && OmodDependencies.serves(name.substring("protobuf-java-".length()), "4.33.6"));
        }
    }

    /**
     * Whether this build is the {@code openmrs} profile's, the one that packs the .omod: only it puts the OpenMRS API
     * on the test class path. There a missing .omod is a failure, not a reason to skip.
     */
    static boolean builtAgainstOpenmrs() {
        return OmodPackageIT.class.getClassLoader().getResource(OPENMRS_API_CLASS) != null;
    }

    private static Path packedOmod() throws IOException {
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".omod"))
                    .findFirst()
                    .orElse(null);
        }
    }
}
