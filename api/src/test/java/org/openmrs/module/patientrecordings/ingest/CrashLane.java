/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * A sequence of {@link CrashSafetyIT} rounds over one data directory and one H2 file database, so that each round
 * starts from everything the earlier ones left. Lanes share nothing, so several can run at once.
 *
 * <p>A worker killed while Liquibase holds its changelog lock leaves the lock held ({@link StaleSchemaLock}); the
 * schema migration releases such a lock when the embedded database opens again, so the next start goes on. The lane
 * counts the kills that left one, and the restart after them proves the release.
 */
final class CrashLane {

    /**
     * The H2 options of the database as the embedded default must open it. {@code WRITE_DELAY=0}: H2 otherwise writes
     * a commit to its file up to half a second later, and a process killed in between loses a commit it reported (the
     * system property {@code crash.h2.options} may change them, to show that).
     */
    static final String H2_OPTIONS = System.getProperty("crash.h2.options", ";WRITE_DELAY=0");

    private final Path directory;
    private final long seed;

    /** @param directory the lane's own scratch directory */
    CrashLane(Path directory, long seed) {
        this.directory = directory;
        this.seed = seed;
    }

    /**
     * Runs the rounds {@code first}, {@code first + step}, ... below {@code end}, checking after each.
     *
     * @throws AssertionError at the first round after which something is wrong
     */
    Result run(int first, int step, int end) throws IOException, InterruptedException, SQLException {
        Path data = Files.createDirectories(directory.resolve("data"));
        String jdbcUrl = "jdbc:h2:file:" + directory.resolve("db").resolve("recordings") + H2_OPTIONS;
        IngestSite.initialise(data);
        Random random = new Random(seed + first);
        RecoveryCheck check = new RecoveryCheck(seed);
        Map<CrashKind, Integer> kills = new EnumMap<>(CrashKind.class);
        int startupKillsBeforeReady = 0;
        long startupMillis = 3000;
        long workerNanos = 0;
        long checkNanos = 0;
        int staleSchemaLocks = 0;
        for (int round = first; round < end; round += step) {
            CrashPlan plan = CrashPlan.random(random, seed, round, startupMillis);
            long started = System.nanoTime();
            KilledWorker run = KilledWorker.run(plan, data, jdbcUrl, directory.resolve("worker.err"));
            long killed = System.nanoTime();
            kills.merge(plan.kind(), 1, Integer::sum);
            if (plan.kind() == CrashKind.DURING_STARTUP && !run.ready()) {
                startupKillsBeforeReady++;
            }
            if (run.millisToReady() >= 0) {
                startupMillis = run.millisToReady();
            }
            if (StaleSchemaLock.held(jdbcUrl)) {
                staleSchemaLocks++;
            }
            try (IngestSite site = IngestSite.open(data, jdbcUrl)) {
                check.afterRestart(site, run);
                if (round + step >= end) {
                    check.readBackEverything(site);
                }
            }
            workerNanos += killed - started;
            checkNanos += System.nanoTime() - killed;
        }
        return new Result(
                kills,
                startupKillsBeforeReady,
                staleSchemaLocks,
                check.recordingsCommitted(),
                check.orphansSwept(),
                check.temporariesSwept(),
                workerNanos,
                checkNanos);
    }

    /** What a lane did. */
    record Result(
            Map<CrashKind, Integer> kills,
            int startupKillsBeforeReady,
            int staleSchemaLocks,
            int recordingsCommitted,
            int orphansSwept,
            int temporariesSwept,
            long workerNanos,
            long checkNanos) {

        static final Result NONE = new Result(new EnumMap<>(CrashKind.class), 0, 0, 0, 0, 0, 0, 0);

        Result plus(Result other) {
            Map<CrashKind, Integer> allKills = new EnumMap<>(CrashKind.class);
            allKills.putAll(kills);
            other.kills.forEach((kind, count) -> allKills.merge(kind, count, Integer::sum));
            return new Result(
                    allKills,
                    startupKillsBeforeReady + other.startupKillsBeforeReady,
                    staleSchemaLocks + other.staleSchemaLocks,
                    recordingsCommitted + other.recordingsCommitted,
                    orphansSwept + other.orphansSwept,
                    temporariesSwept + other.temporariesSwept,
                    workerNanos + other.workerNanos,
                    checkNanos + other.checkNanos);
        }

        int totalKills() {
            return kills.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
