/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@link IngestWorker} run to its kill: launched in a child JVM, killed with SIGKILL ({@link
 * Process#destroyForcibly()} on Linux) where its {@link CrashPlan} says, and everything it printed before dying.
 *
 * @param plan what the round was told
 * @param lines every line the worker printed, in order, including those printed after the kill was decided
 * @param ready whether the worker had said {@code READY} when the kill was decided
 * @param millisToReady how long the worker took to get ready, or -1
 */
record KilledWorker(CrashPlan plan, List<String> lines, boolean ready, long millisToReady) {

    private static final String END = "\u0000end";
    private static final long PATIENCE_SECONDS = 120;

    /** The JVM options of the worker: a small heap and a quick start matter more than peak speed here. */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xmx160m",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-XX:+UseSerialGC",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    /**
     * Runs the worker for {@code plan} and kills it.
     *
     * @throws AssertionError if the worker died on its own or never reached the kill
     */
    static KilledWorker run(CrashPlan plan, Path dataDirectory, String jdbcUrl, Path errorLog)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(IngestWorker.class.getName());
        command.add(dataDirectory.toString());
        command.add(jdbcUrl);
        command.addAll(plan.workerArguments());
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectError(errorLog.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        BlockingQueue<String> printed = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(process, printed), "worker-" + plan.round());
        reader.start();
        List<String> lines = new ArrayList<>();
        long millisToReady = -1;
        try {
            long deadline = launched + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
            if (plan.kind() == CrashKind.DURING_STARTUP) {
                deadline = launched + TimeUnit.MILLISECONDS.toNanos(plan.delayMillis());
            }
            boolean killNow = false;
            while (!killNow) {
                String line = printed.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    if (plan.kind() == CrashKind.DURING_STARTUP
                            || (plan.kind() == CrashKind.RANDOM_TIME && millisToReady >= 0)) {
                        break;
                    }
                    throw new AssertionError("worker of round " + plan.round() + " never reached its kill (" + plan
                            + "); printed " + lines + "; " + errors(errorLog));
                }
                if (line.equals(END)) {
                    throw new AssertionError("worker of round " + plan.round() + " died on its own (" + plan
                            + "); printed " + lines + "; " + errors(errorLog));
                }
                lines.add(line);
                if (line.equals("READY")) {
                    millisToReady = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
                    if (plan.kind() == CrashKind.RANDOM_TIME) {
                        deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(plan.delayMillis());
                    }
                }
                killNow = plan.kind().point().isPresent() && line.startsWith("AT ");
            }
            if (!process.isAlive()) {
                throw new AssertionError(
                        "worker of round " + plan.round() + " died before its kill; " + errors(errorLog));
            }
        } finally {
            process.destroyForcibly();
            process.waitFor();
            reader.join();
        }
        boolean ready = millisToReady >= 0;
        for (String line = printed.poll(); line != null && !line.equals(END); line = printed.poll()) {
            lines.add(line);
        }
        return new KilledWorker(plan, List.copyOf(lines), ready, millisToReady);
    }

    /** The recording the worker was held at, for a kill at an ingest point. */
    Optional<String> heldRecording() {
        return lines.stream()
                .filter(line -> line.startsWith("AT "))
                .map(line -> line.split(" ")[2])
                .findFirst();
    }

    /** The recordings whose commit the worker printed, with the SHA-256 it printed. */
    Stream<String[]> printedCommits() {
        return lines.stream().filter(line -> line.startsWith("COMMITTED ")).map(line -> line.split(" "));
    }

    private static void readLines(Process process, BlockingQueue<String> printed) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                printed.add(line);
            }
        } catch (IOException e) {
            // The pipe breaks when the worker is killed; what it printed before is in the queue.
        } finally {
            printed.add(END);
        }
    }

    private static String errors(Path errorLog) {
        try {
            return "its standard error:\n" + Files.readString(errorLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
