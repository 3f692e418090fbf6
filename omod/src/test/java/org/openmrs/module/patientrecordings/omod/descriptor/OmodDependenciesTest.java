/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.omod.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards the .omod's lib/: every runtime dependency is either excluded (the OpenMRS war ships it) or reviewed as
 * one the war does not ship. A new dependency fails here until someone decides which it is, so a library the war
 * ships cannot slip into lib/ unnoticed.
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

    @Test
    void theExclusionsKeepEveryLibraryTheOpenmrsWarShips() throws IOException {
        List<String> excluded = OmodDependencies.excluded();
        List<String> warShips = List.of(
                "org.springframework:spring-beans",
                "org.springframework:spring-core",
                "org.springframework:spring-messaging",
                "org.slf4j:slf4j-api",
                "org.slf4j:jcl-over-slf4j",
                "com.fasterxml.jackson.core:jackson-databind",
                "com.fasterxml.jackson.core:jackson-core",
                "com.fasterxml.jackson.core:jackson-annotations",
                "com.fasterxml.jackson.datatype:jackson-datatype-jsr310",
                "com.google.guava:guava",
                "com.google.code.gson:gson",
                "com.github.ben-manes.caffeine:caffeine",
                "commons-io:commons-io",
                "org.apache.commons:commons-lang3",
                "com.google.protobuf:protobuf-java",
                "org.hibernate.orm:hibernate-core",
                "org.liquibase:liquibase-core",
                "org.springframework:spring-tx",
                "org.springframework:spring-orm",
                "org.springframework:spring-context",
                "org.springframework:spring-jdbc",
                "jakarta.persistence:jakarta.persistence-api");
        assertThat(warShips).allMatch(a -> OmodDependencies.isExcluded(a, excluded));
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
}
