/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import java.util.List;
import java.util.Random;

/**
 * What one round does: its content seed and where it kills the worker.
 *
 * @param round the round's number, part of every recording id it makes
 * @param seed the seed of the round's content ({@link SeededContent})
 * @param kind where the kill falls
 * @param crashRecording for a kill at an ingest point: which recording of the round is held there
 * @param crashByte for a kill during the write: after how many bytes of that recording
 * @param delayMillis for a kill at a random time: how long after the worker is ready (or, during start-up, after it
 *     was launched)
 */
record CrashPlan(int round, long seed, CrashKind kind, int crashRecording, long crashByte, long delayMillis) {

    /** The longest a random-time kill waits after the worker is ready. */
    static final int RANDOM_TIME_WINDOW_MILLIS = 1500;

    /** A random plan for round {@code round}; {@code startupMillis} is how long a worker takes to get ready. */
    static CrashPlan random(Random random, long baseSeed, int round, long startupMillis) {
        long seed = seedOf(baseSeed, round);
        CrashKind kind = CrashKind.values()[random.nextInt(CrashKind.values().length)];
        int crashRecording = random.nextInt(3);
        long size = SeededContent.of(seed, crashRecording).size();
        long crashByte = size == 0 ? 0 : random.nextLong(size + 1);
        long delay = kind == CrashKind.DURING_STARTUP
                ? random.nextLong(Math.max(1, startupMillis))
                : random.nextLong(RANDOM_TIME_WINDOW_MILLIS + 1);
        return new CrashPlan(round, seed, kind, crashRecording, crashByte, delay);
    }

    /** The content seed of round {@code round} of the run with seed {@code baseSeed}. */
    static long seedOf(long baseSeed, int round) {
        return baseSeed * 31 + round;
    }

    /** The worker's arguments after the data directory and JDBC URL. */
    List<String> workerArguments() {
        return List.of(
                Integer.toString(round),
                Long.toString(seed),
                kind.point().map(Enum::name).orElse("NONE"),
                Integer.toString(crashRecording),
                Long.toString(crashByte));
    }
}
