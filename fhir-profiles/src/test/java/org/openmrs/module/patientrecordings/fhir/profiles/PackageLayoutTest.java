/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.fhir.FhirUrls;

/** The tarball on the classpath is a well-formed FHIR NPM package. */
class PackageLayoutTest {

    private static final Map<String, String> ENTRIES = new HashMap<>();

    @BeforeAll
    static void readTarball() throws IOException {
        String resource = PatientRecordingsPackage.CLASSPATH_LOCATION.substring("classpath:".length());
        try (InputStream in = PackageLayoutTest.class.getClassLoader().getResourceAsStream(resource);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                tar.transferTo(bytes);
                ENTRIES.put(entry.getName(), bytes.toString(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theManifestNamesThePackageItsCanonicalAndR4Core() {
        JsonObject manifest = json("package/package.json");
        assertThat(manifest.get("name").getAsString()).isEqualTo(PatientRecordingsPackage.NAME);
        assertThat(manifest.get("canonical").getAsString()).isEqualTo(FhirUrls.BASE);
        assertThat(manifest.get("version").getAsString()).isNotBlank().isNotEqualTo("set by the build");
        assertThat(manifest.getAsJsonArray("fhirVersions").get(0).getAsString()).isEqualTo("4.0.1");
        assertThat(manifest.getAsJsonObject("dependencies")
                        .get("hl7.fhir.r4.core")
                        .getAsString())
                .isEqualTo("4.0.1");
    }

    @Test
    void theIndexesListEveryResourceFile() {
        assertThat(indexed("package/")).isEqualTo(resourceFiles("package/"));
        assertThat(indexed("package/example/")).isEqualTo(resourceFiles("package/example/"));
    }

    @Test
    void everyStructureDefinitionCarriesItsSnapshot() {
        assertThat(ENTRIES.keySet().stream().filter(n -> n.startsWith("package/StructureDefinition-")))
                .isNotEmpty()
                .allSatisfy(name -> {
                    StructureDefinition sd = (StructureDefinition)
                            SharedValidator.FHIR.newJsonParser().parseResource(ENTRIES.get(name));
                    assertThat(sd.getSnapshot().getElement()).as(name).isNotEmpty();
                    assertThat(sd.getDifferential().getElement()).as(name).isNotEmpty();
                });
    }

    private static Set<String> indexed(String folder) {
        return json(folder + ".index.json").getAsJsonArray("files").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .map(f -> folder + f.get("filename").getAsString())
                .collect(Collectors.toSet());
    }

    private static Set<String> resourceFiles(String folder) {
        return ENTRIES.keySet().stream()
                .filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0)
                .filter(n -> n.endsWith(".json") && !n.endsWith("/package.json") && !n.endsWith("/.index.json"))
                .collect(Collectors.toSet());
    }

    private static JsonObject json(String entry) {
        assertThat(ENTRIES).containsKey(entry);
        return JsonParser.parseString(ENTRIES.get(entry)).getAsJsonObject();
    }
}
