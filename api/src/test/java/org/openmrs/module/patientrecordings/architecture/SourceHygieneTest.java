/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The small part of the house style that formatting does not check (STYLE point 9). */
class SourceHygieneTest {

    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void mainCodeCarriesNoFixmeMarkers() throws IOException {
        assertThat(filesContaining("FIXME")).isEmpty();
    }

    @Test
    void everyJavaFileStartsWithTheSpdxHeader() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> without = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !firstLine(p).equals("/* SPDX-License-Identifier: MPL-2.0 */"))
                    .toList();
            assertThat(without).isEmpty();
        }
    }

    private static List<Path> filesContaining(String marker) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains(marker))
                    .toList();
        }
    }

    private static String firstLine(Path p) {
        return read(p).lines().findFirst().orElse("");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
