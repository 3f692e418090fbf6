/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;

/**
 * The fhir-profiles module's hand-written sources, read from its source folder: api cannot depend on that module
 * (its tests depend on api), so the translators are checked against the very files the package is built from.
 */
final class ProfileSources {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    private static final Path ROOT = Path.of("..", "fhir-profiles", "src", "main", "fhir");

    private ProfileSources() {}

    static List<Resource> conformance() {
        return read(ROOT.resolve("resources"));
    }

    static <T extends Resource> T example(Class<T> type, String id) {
        return type.cast(parse(ROOT.resolve("examples").resolve(type.getSimpleName() + "-" + id + ".json")));
    }

    private static List<Resource> read(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .sorted()
                    .map(ProfileSources::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Resource parse(Path file) {
        try {
            return (Resource) FHIR.newJsonParser().parseResource(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
