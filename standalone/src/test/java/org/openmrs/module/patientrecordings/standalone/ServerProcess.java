/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable jar ({@code target/patient-recordings.jar}) in a child process of its own, as an installation runs it,
 * so that a test can kill it with SIGKILL ({@link Process#destroyForcibly()} on Linux) and start it again over the
 * same data directory and database. Its log goes to a file of its own per start.
 */
final class ServerProcess {

    static final Path JAR = Path.of("target", "patient-recordings.jar");

    private static final Pattern STARTED = Pattern.compile("event=started .*port=(\\d+)");

    /** A small heap and a quick start matter more here than peak speed. */
    static final List<String> JVM_OPTIONS =
            List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    private final Process process;
    private final Path log;
    private final int port;
    private final long millisToStart;

    private ServerProcess(Process process, Path log, int port, long millisToStart) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.millisToStart = millisToStart;
    }

    /**
     * Starts the jar over {@code dataDir} with the flags given and waits until it listens.
     *
     * @throws AssertionError if it exits, or does not start within two minutes
     */
    static ServerProcess start(Path dataDir, List<String> flags, Path log) throws IOException, InterruptedException {
        return start(JVM_OPTIONS, dataDir, flags, log);
    }

    /**
     * Starts the jar as {@link #start(Path, List, Path)} does, with the JVM options given instead of the small heap
     * and quick start ({@code List.of()}: the JVM's defaults, as a plain {@code java -jar} runs it).
     */
    static ServerProcess start(List<String> jvmOptions, Path dataDir, List<String> flags, Path log)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError(JAR.toAbsolutePath() + " is missing: the package phase builds it");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.add("--port=0");
        command.add("--bind-address=127.0.0.1");
        command.add("--data-dir=" + dataDir);
        command.addAll(flags);
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(dataDir.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            Matcher started = STARTED.matcher(Files.readString(log));
            if (started.find()) {
                return new ServerProcess(
                        process,
                        log,
                        Integer.parseInt(started.group(1)),
                        Duration.ofNanos(System.nanoTime() - launched).toMillis());
            }
            if (!process.isAlive()) {
                throw new AssertionError("the server exited before starting:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not start within two minutes:\n" + Files.readString(log));
    }

    int port() {
        return port;
    }

    long millisToStart() {
        return millisToStart;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the server's log says the event, for at most two minutes.
     *
     * @throws AssertionError if it does not, or the server exits first
     */
    void awaitInLog(String event) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!Files.readString(log).contains(event)) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited before " + event + ":\n" + Files.readString(log));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(event + " not within two minutes:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    /**
     * Seconds the server's JIT has spent compiling, all its compiler threads together: the JVM's {@code
     * java.ci.totalTime} counter, read with {@code jcmd}.
     */
    double jitSeconds() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(process.pid()),
                        "PerfCounter.print")
                .redirectErrorStream(true)
                .start();
        String counters = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IOException("jcmd PerfCounter.print failed:\n" + counters);
        }
        return counter(counters, "java.ci.totalTime") / (double) counter(counters, "sun.os.hrt.frequency");
    }

    private static long counter(String counters, String name) throws IOException {
        Matcher value =
                Pattern.compile("(?m)^" + Pattern.quote(name) + "=(\\d+)$").matcher(counters);
        if (!value.find()) {
            throw new IOException("jcmd PerfCounter.print gave no " + name + ":\n" + counters);
        }
        return Long.parseLong(value.group(1));
    }

    /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed that was not flushed already. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
