/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;

/** Reads the package folder the build wrote under {@code target/package/package}. */
final class BuiltPackage {

    static final Path FOLDER = Path.of("target", "package", "package");

    private BuiltPackage() {}

    static List<Resource> conformance() {
        return read(FOLDER);
    }

    static List<Resource> examples() {
        return read(FOLDER.resolve("example"));
    }

    static Resource example(String fileName) {
        return parse(FOLDER.resolve("example").resolve(fileName));
    }

    private static List<Resource> read(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("[A-Z].*\\.json"))
                    .sorted()
                    .map(BuiltPackage::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Resource parse(Path file) {
        try {
            return (Resource) SharedValidator.FHIR.newJsonParser().parseResource(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
