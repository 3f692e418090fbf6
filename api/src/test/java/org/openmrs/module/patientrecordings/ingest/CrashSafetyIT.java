/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash-safety proof of the ingest path: round after round, a child JVM ingests recordings into a data directory
 * and an H2 file database and is killed with SIGKILL, either held at an {@link IngestPoint} (before, during and after
 * the content write, between the rename and the commit, inside the commit, after it) or at a random moment (while
 * ingesting, while starting). After each kill the site is opened again, as a restart would, and {@link
 * RecoveryCheck} asserts that every committed recording reads back with the right hash, nothing uncommitted is
 * visible, after a sweep no orphan or temporary content remains, and the audit chain verifies (SAF-2). {@link
 * HousekeepingCrashIT} does the same for disposal and the content sweep. Each {@link CrashLane}'s rounds share their
 * data, so damage would compound.
 *
 * <p>200 rounds in the normal build; {@code -Pbench} runs 1,000 (system property {@code crash.rounds}). The rounds
 * are shared among {@code crash.lanes} lanes (2) that run at once, each over its own data. The system property
 * {@code crash.seed} repeats a run; the summary line prints the seed used.
 */
class CrashSafetyIT {

    /** Held so that the levels set stay set: the parent opens the database every round. */
    private static final List<Logger> QUIET_LOGS =
            List.of(quiet(Logger.getLogger("liquibase")), quiet(Logger.getLogger("org.hibernate")));

    @TempDir
    Path directory;

    @Test
    void everyCommittedRecordingSurvivesKillsAtEveryPointOfTheIngest() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 200);
        int lanes = Integer.getInteger("crash.lanes", 2);
        long seed = Long.getLong("crash.seed", new Random().nextLong());
        long started = System.nanoTime();

        CrashLane.Result result = runLanes(rounds, lanes, seed);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf(
                "CrashSafetyIT: %d rounds in %d lanes (seed %d), kills %s (%d of the start-up kills before READY),"
                        + " %d stale Liquibase locks left by kills and released on restart, %d recordings committed and read back, %d orphans and %d temporaries swept, %d s"
                        + " (per round: %d ms in the worker, %d ms restarting and checking)%n",
                rounds,
                lanes,
                seed,
                result.kills(),
                result.startupKillsBeforeReady(),
                result.staleSchemaLocks(),
                result.recordingsCommitted(),
                result.orphansSwept(),
                result.temporariesSwept(),
                took.toSeconds(),
                Duration.ofNanos(result.workerNanos() / rounds).toMillis(),
                Duration.ofNanos(result.checkNanos() / rounds).toMillis());
        assertThat(result.totalKills()).isEqualTo(rounds);
        assertThat(result.recordingsCommitted()).isPositive();
    }

    private CrashLane.Result runLanes(int rounds, int lanes, long seed) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(lanes);
        try {
            List<Future<CrashLane.Result>> running = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                int first = lane;
                CrashLane crashLane = new CrashLane(directory.resolve("lane-" + lane), seed);
                running.add(executor.submit(() -> crashLane.run(first, lanes, rounds)));
            }
            CrashLane.Result total = CrashLane.Result.NONE;
            for (Future<CrashLane.Result> lane : running) {
                total = total.plus(resultOf(lane));
            }
            return total;
        } finally {
            executor.shutdownNow();
        }
    }

    private static CrashLane.Result resultOf(Future<CrashLane.Result> lane) throws Exception {
        try {
            return lane.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING);
        return logger;
    }
}
