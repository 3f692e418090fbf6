/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings reach several GB, so the store must stream: this writes and reads back content far larger than the
 * heap, in a child JVM limited to 256 MiB. 256 MiB of content in the normal build; 2 GiB with {@code -Pbench}
 * (property {@code storage.constant-memory.bytes}).
 */
class ConstantMemoryIT {

    private static final long HEAP = 256L * 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void writesAndReadsBackContentLargerThanTheHeapInA256MiBHeap() throws IOException, InterruptedException {
        long size = Long.getLong("storage.constant-memory.bytes", HEAP);
        Path output = directory.resolve("child.out");
        Process child = new ProcessBuilder(List.of(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                        ConstantMemoryMain.class.getName(),
                        directory.resolve("store").toString(),
                        Long.toString(size)))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = child.waitFor(30, TimeUnit.MINUTES);
        if (!finished) {
            child.destroyForcibly().waitFor();
        }
        String printed = Files.readString(output);
        System.out.println("ConstantMemoryMain (" + size + " bytes):\n" + printed);

        assertThat(finished).as("child finished").isTrue();
        assertThat(child.exitValue()).as(printed).isZero();
        Map<String, String> results = printed.lines()
                .filter(line -> line.contains("="))
                .collect(Collectors.toMap(
                        line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1),
                        (first, second) -> second));
        assertThat(results).containsEntry("verified", "true").containsEntry("bytes", Long.toString(size));
        assertThat(Long.parseLong(results.get("maxHeapBytes"))).isLessThanOrEqualTo(HEAP);
        assertThat(Long.parseLong(results.get("peakHeapBytes"))).isLessThan(HEAP);
    }
}
