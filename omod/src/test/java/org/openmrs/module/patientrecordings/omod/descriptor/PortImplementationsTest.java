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
    private static final Path PERSISTENCE =
            Path.of("../api/src/main/java/org/openmrs/module/patientrecordings/persistence");
    private static final Path TRANSACTIONS_FOR_OPENMRS = PERSISTENCE.resolve("spring/SpringTransactions.java");
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

    /**
     * Inside OpenMRS the module keeps its records in OpenMRS' database: the adapter builds every JPA store of the core
     * (each {@code Jpa*} class of its persistence package) over {@code SpringTransactions}, the {@code Transactions}
     * of OpenMRS' transaction manager and session factory, and none of the in-memory stores that stand in for them.
     */
    @Test
    void everyStoreInsideOpenmrsIsTheJpaOneOnOpenmrsTransactions() throws IOException {
        List<String> jpaStores = jpaStores();
        assertThat(jpaStores)
                .contains(
                        "JpaRecordingRepository",
                        "JpaConsentRepository",
                        "JpaRegisterRepository",
                        "JpaSitePolicyRepository",
                        "JpaRetentionScheduleRepository",
                        "JpaAuditLog");
        String adapter = String.join("\n", adapterSources());
        for (String store : jpaStores) {
            assertThat(adapter).as("the adapter builds %s", store).contains("new " + store + "(");
        }
        assertThat(adapter).contains("new SpringTransactions(").contains("new DatabaseContentReferences(");
        assertThat(adapter)
                .doesNotContainPattern(
                        "new InMemory(Recording|Consent|Register|SitePolicy|RetentionSchedule)Repository\\(|new InMemoryAuditLog\\(");
        assertThat(Files.readString(TRANSACTIONS_FOR_OPENMRS))
                .containsPattern("class\\s+SpringTransactions\\s+implements\\s+Transactions\\b")
                .doesNotContain("import org.openmrs.api");
    }

    private static List<String> jpaStores() throws IOException {
        Pattern store = Pattern.compile("public\\s+final\\s+class\\s+(Jpa\\w+)\\s+implements");
        List<String> stores = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PERSISTENCE)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("Jpa"))
                    .toList()) {
                Matcher matcher = store.matcher(Files.readString(file));
                if (matcher.find()) {
                    stores.add(matcher.group(1));
                }
            }
        }
        return stores;
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
