/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that runs the server's periodic housekeeping, each task again a fixed delay after its last run
 * ended, and stops in order: a run under way may finish within the shutdown timeout, and is then interrupted.
 */
final class BackgroundThread implements AutoCloseable {

    private final ScheduledExecutorService executor;
    private final Duration shutdownTimeout;

    /**
     * @param name the thread's name, as thread dumps and logs show it
     * @param shutdownTimeout how long {@link #close} waits for a run under way
     */
    BackgroundThread(String name, Duration shutdownTimeout) {
        Objects.requireNonNull(name, "name");
        this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the task first after {@code first}, then each time {@code delay} after its last run ended. */
    void every(Duration delay, Duration first, Runnable task) {
        executor.scheduleWithFixedDelay(task, first.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return whether tasks still run: {@link #close} has not been called */
    boolean isRunning() {
        return !executor.isShutdown();
    }

    /** Stops scheduling; waits up to the shutdown timeout for a run under way, then interrupts it. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
