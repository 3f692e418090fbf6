/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.omod.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.omod.descriptor.OmodDependencies.Dependency;
import org.openmrs.module.patientrecordings.omod.descriptor.OmodDependencies.Rule;

/**
 * Guards the .omod's lib/ against the OpenMRS 3.0 war's {@code WEB-INF/lib} ({@code openmrs-3.0-war-libs.txt}):
 * every runtime dependency is either excluded (the module uses the war's copy) or reviewed for lib/; an excluded one
 * must be in the war at a version the module works with (same major, not older than what the module resolves), and
 * lib/ must not carry a second copy of a library the war ships. Each exception is an explicit, reviewed rule of
 * {@code war-library-rules.txt}. A new dependency, or a new war, fails here until someone decides.
 */
class OmodDependenciesTest {

    @Test
    void everyRuntimeDependencyIsEitherExcludedOrReviewed() throws IOException {
        List<String> excluded = OmodDependencies.excluded();
        List<String> reviewed = OmodDependencies.reviewed();
        List<String> unreviewed = OmodDependencies.runtime().stream()
                .filter(a -> !OmodDependencies.isExcluded(a, excluded))
                .filter(a -> !reviewed.contains(a))
                .toList();
        assertThat(unreviewed)
                .as(
                        "runtime dependencies neither excluded in %s nor reviewed in %s: if the OpenMRS war ships one,"
                                + " exclude it; otherwise add it to the reviewed list",
                        OmodDependencies.ASSEMBLY, OmodDependencies.REVIEWED)
                .isEmpty();
    }

    @Test
    void theDependencyListWasWritten() throws IOException {
        assertThat(OmodDependencies.runtime()).contains("org.openmrs.module:patientrecordings-api");
    }

    @Test
    void noReviewedArtifactIsAlsoExcluded() throws IOException {
        List<String> excluded = OmodDependencies.excluded();
        assertThat(OmodDependencies.reviewed()).noneMatch(a -> OmodDependencies.isExcluded(a, excluded));
    }

    /** What lib/ leaves out, the war must provide, at a version that serves the module. */
    @Test
    void everyExcludedLibraryIsInTheWarAtAVersionTheModuleWorksWith() throws IOException {
        List<String> excluded = OmodDependencies.excluded();
        Map<String, String> war = OmodDependencies.warLibraries();
        Map<String, Rule> rules = OmodDependencies.warRules();
        List<String> problems = new ArrayList<>();
        for (Dependency d : OmodDependencies.dependencies()) {
            if (!OmodDependencies.isExcluded(d.key(), excluded)) {
                continue;
            }
            Optional<String> warVersion = OmodDependencies.inWar(d.key(), war);
            Rule rule = rules.get(d.key());
            if (warVersion.isEmpty() && rule != Rule.NOT_IN_WAR) {
                problems.add(d.key() + " is excluded, but the war does not ship it");
            } else if (warVersion.isPresent()
                    && !OmodDependencies.serves(warVersion.get(), d.version())
                    && rule != Rule.ACCEPT_WAR) {
                problems.add(d.key() + " is excluded, but the war's " + warVersion.get() + " is older or of another"
                        + " major than the module's " + d.version());
            }
        }
        assertThat(problems)
                .as("exclusions without a reviewed rule in %s", OmodDependencies.WAR_RULES)
                .isEmpty();
    }

    /** A second copy of a library the war ships would shadow the war's, for the module and for core. */
    @Test
    void libCarriesNoLibraryTheWarShips() throws IOException {
        List<String> excluded = OmodDependencies.excluded();
        Map<String, String> war = OmodDependencies.warLibraries();
        Map<String, Rule> rules = OmodDependencies.warRules();
        List<String> duplicates = OmodDependencies.dependencies().stream()
                .filter(d -> !OmodDependencies.isExcluded(d.key(), excluded))
                .filter(d -> OmodDependencies.inWar(d.key(), war).isPresent())
                .filter(d -> rules.get(d.key()) != Rule.SHIPS_OVER_WAR && rules.get(d.key()) != Rule.DIFFERENT_LIBRARY)
                .map(d -> d.key() + " " + d.version() + " (the war ships "
                        + OmodDependencies.inWar(d.key(), war).orElseThrow() + ")")
                .toList();
        assertThat(duplicates)
                .as("lib/ would carry these a second time: exclude them in %s", OmodDependencies.ASSEMBLY)
                .isEmpty();
    }

    @Test
    void everyExclusionNamesALibraryOfTheWar() throws IOException {
        Map<String, String> war = OmodDependencies.warLibraries();
        Map<String, Rule> rules = OmodDependencies.warRules();
        List<String> strangers = OmodDependencies.excluded().stream()
                .filter(p -> !p.endsWith(":*"))
                .filter(p -> OmodDependencies.inWar(p, war).isEmpty())
                .filter(p -> rules.get(p) != Rule.NOT_IN_WAR)
                .toList();
        assertThat(strangers)
                .as("excluded, but not in the war and not reviewed")
                .isEmpty();
    }

    /** A rule that no longer applies is removed, so that the list stays the list of real exceptions. */
    @Test
    void everyReviewedRuleStillApplies() throws IOException {
        List<String> excluded = OmodDependencies.excluded();
        Map<String, String> war = OmodDependencies.warLibraries();
        List<Dependency> dependencies = OmodDependencies.dependencies();
        List<String> stale = new ArrayList<>();
        OmodDependencies.warRules().forEach((artifact, rule) -> {
            Optional<Dependency> dependency =
                    dependencies.stream().filter(d -> d.key().equals(artifact)).findFirst();
            boolean isExcluded = OmodDependencies.isExcluded(artifact, excluded);
            Optional<String> warVersion = OmodDependencies.inWar(artifact, war);
            boolean applies = switch (rule) {
                case ACCEPT_WAR ->
                    isExcluded
                            && warVersion.isPresent()
                            && dependency.isPresent()
                            && !OmodDependencies.serves(
                                    warVersion.get(), dependency.get().version());
                case NOT_IN_WAR -> isExcluded && warVersion.isEmpty();
                case SHIPS_OVER_WAR ->
                    !isExcluded
                            && warVersion.isPresent()
                            && dependency.isPresent()
                            && !OmodDependencies.serves(
                                    warVersion.get(), dependency.get().version());
                case DIFFERENT_LIBRARY -> !isExcluded && warVersion.isPresent() && dependency.isPresent();
            };
            if (!applies) {
                stale.add(artifact + " " + rule);
            }
        });
        assertThat(stale)
                .as("rules of %s that no longer apply", OmodDependencies.WAR_RULES)
                .isEmpty();
    }

    /**
     * Tink 1.24.0's generated code refuses a protobuf runtime older than 4.33.6; the war's is 4.31.1, so lib/ carries
     * the module's own.
     */
    @Test
    void libCarriesTheProtobufRuntimeTinkNeeds() throws IOException {
        Dependency protobuf = OmodDependencies.dependencies().stream()
                .filter(d -> d.key().equals("com.google.protobuf:protobuf-java"))
                .findFirst()
                .orElseThrow();
        assertThat(OmodDependencies.serves(protobuf.version(), "4.33.6")).isTrue();
        assertThat(OmodDependencies.isExcluded(protobuf.key(), OmodDependencies.excluded()))
                .isFalse();
        assertThat(OmodDependencies.reviewed()).contains(protobuf.key());
    }

    /**
     * The war ships slf4j-api 1.7.36 and lib/ must not carry another. Nothing the module runs may call the 2.x fluent
     * API, which 1.7 lacks; the two HAPI classes that do (request validation and the R4 validation context) are never
     * loaded by the module's server.
     */
    @Test
    void whatTheModuleRunsCallsOnlyTheSlf4jApiOfTheWar() throws IOException {
        List<String> excluded = OmodDependencies.excluded();
        List<Path> shipped = new ArrayList<>(List.of(Path.of("target/classes")));
        OmodDependencies.dependencies().stream()
                .filter(d -> !OmodDependencies.isExcluded(d.key(), excluded))
                .map(Dependency::file)
                .forEach(shipped::add);
        List<String> callers = new ArrayList<>();
        for (Path place : shipped) {
            callers.addAll(classesMentioning(place, "org/slf4j/spi/LoggingEventBuilder"));
        }
        assertThat(callers)
                .containsOnly(
                        "ca/uhn/fhir/rest/server/interceptor/validation/ValidationMessagePostProcessingInterceptor.class",
                        "org/hl7/fhir/r4/context/SimpleWorkerContext.class");
    }

    @Test
    void readsTheWarsLibrariesWithTheirVersions() throws IOException {
        Map<String, String> war = OmodDependencies.warLibraries();
        assertThat(war)
                .containsEntry("slf4j-api", "1.7.36")
                .containsEntry("protobuf-java", "4.31.1")
                .containsEntry("guava", "33.7.0-jre")
                .containsEntry("hapi-structures-v23", "2.1")
                .containsEntry("jackson-datatype-jsr310", "2.22.1");
    }

    @Test
    void aWarVersionServesTheSameMajorWhenNotOlder() {
        assertThat(OmodDependencies.serves("33.7.0-jre", "33.2.1-jre")).isTrue();
        assertThat(OmodDependencies.serves("2.22", "2.20.0")).isTrue();
        assertThat(OmodDependencies.serves("4.0.9", "4.0.9")).isTrue();
        assertThat(OmodDependencies.serves("4.31.1", "4.33.6")).isFalse();
        assertThat(OmodDependencies.serves("7.4.1.Final", "7.4.6.Final")).isFalse();
        assertThat(OmodDependencies.serves("1.7.36", "2.0.17")).isFalse();
        assertThat(OmodDependencies.serves("3.0.0", "2.1.1")).isFalse();
        assertThat(OmodDependencies.serves("5.11", "5.11.2")).isFalse();
    }

    /**
     * Inside OpenMRS the module's repositories run on OpenMRS' own session factory and connection pool, so the pool
     * that only the standalone server's database bootstrap opens is not packed.
     */
    @Test
    void theStandaloneConnectionPoolIsNotPacked() throws IOException {
        assertThat(OmodDependencies.isExcluded("com.zaxxer:HikariCP", OmodDependencies.excluded()))
                .isTrue();
    }

    /** The class files (as {@code a/b/C.class}) of a jar or classes folder whose bytes mention {@code name}. */
    private static List<String> classesMentioning(Path place, String name) throws IOException {
        byte[] needle = name.getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        if (Files.isDirectory(place)) {
            try (Stream<Path> files = Files.walk(place)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    if (contains(Files.readAllBytes(file), needle)) {
                        found.add(place.relativize(file).toString().replace('\\', '/'));
                    }
                }
            }
        } else if (place.toString().endsWith(".jar")) {
            try (JarFile jar = new JarFile(place.toFile())) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    if (entry.getName().endsWith(".class")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            if (contains(in.readAllBytes(), needle)) {
                                found.add(entry.getName());
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
