/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * B6 cold start (figures, never assertions on time): the runnable jar started in a new JVM of its own with the JVM's
 * default options (as {@code java -jar patient-recordings.jar} runs it) over a fresh data directory, and the first
 * {@code -Dbench.b6.bytes} (default 64 MiB) uploaded in one POST; beside it, the same upload on the same server once
 * warm (the median of three more). A second start waits for the server's start-up crypto warm-up to finish before
 * its first upload. {@code -Dbench.b6.starts} (default 2) fresh starts upload at once.
 */
class ColdStartBench {

    private static final long BYTES = Long.getLong("bench.b6.bytes", 64L * 1024 * 1024);
    private static final int STARTS = Integer.getInteger("bench.b6.starts", 2);
    private static final int WARM = 3;

    private final BenchReport report = new BenchReport("b6-cold-start");

    @Test
    void measuresTheFirstUploadAfterAFreshStart(@TempDir Path scratch) throws Exception {
        Path source = scratch.resolve("content.bin");
        BenchClient.writeRandom(source, BYTES);
        report.line("## B6 cold start (ColdStartBench)");
        report.line("");
        report.line("Machine: " + BenchReport.machine() + ". The runnable jar in a new JVM with default options, H2 and"
                + " the filesystem store in a fresh data directory; " + BYTES + " random bytes in one POST.");
        report.line("");
        report.line("| start | started in ms | first POST MB/s | same server warm MB/s (median of " + WARM
                + ") | first / warm |");
        report.line("|---|---|---|---|---|");
        for (int i = 1; i <= STARTS; i++) {
            measure(scratch, source, "B6.atOnce" + i, "fresh start " + i + ", upload at once", false);
        }
        measure(scratch, source, "B6.afterWarmUp", "fresh start, upload after the start-up crypto warm-up", true);
        report.line("");
        report.line("Load average after the run: " + BenchReport.loadAverage() + ".");
        assertThat(report.publish()).isNotEmptyFile();
    }

    private void measure(Path scratch, Path source, String key, String what, boolean afterWarmUp) throws Exception {
        Path data = Files.createDirectories(scratch.resolve(key + "-data"));
        ServerProcess server = ServerProcess.start(List.of(), data, List.of(), scratch.resolve(key + ".log"));
        try {
            if (afterWarmUp) {
                server.awaitInLog("event=crypto_warmed_up");
            }
            BenchClient client = new BenchClient(server.port());
            client.giveConsent();
            double first = BenchClient.rate(BYTES, client.onePost(source));
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < WARM; i++) {
                warm.add(BenchClient.rate(BYTES, client.onePost(source)));
            }
            double median = warm.stream().sorted().toList().get(WARM / 2);
            report.put(key + ".startedMs", server.millisToStart());
            report.put(key + ".firstMBps", first);
            report.put(key + ".warmMBps", median);
            report.put(key + ".ratio", first / median);
            report.line("| " + what + " | " + server.millisToStart() + " | " + BenchReport.fmt(first) + " | "
                    + BenchReport.fmt(median) + " | " + BenchReport.fmt(100 * first / median) + " % |");
        } finally {
            server.kill();
        }
    }
}
