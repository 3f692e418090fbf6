/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.task;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openmrs.api.context.Daemon;
import org.openmrs.module.DaemonToken;
import org.openmrs.module.patientrecordings.settings.Setting;
import org.openmrs.module.patientrecordings.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RetentionSweep} (the retention sweep while {@link Setting#RETENTION_SWEEP_ENABLED} is true, and the
 * content sweep) every {@link Setting#RETENTION_SWEEP_INTERVAL_HOURS} hours, each run on an OpenMRS daemon thread
 * opened with the module's daemon token. The settings are read again at each run, as the daemon user (the timer thread
 * has no OpenMRS user context), so changes apply from the next run on. A failed run
 * is logged and the next one is scheduled as usual.
 */
public final class RetentionSweepScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweepScheduler.class);
    private static final long FIRST_RUN_DELAY_MINUTES = 10;
    private static final long DEFAULT_INTERVAL_HOURS = 24;

    private final DaemonToken token;
    private final Settings settings;
    private final ScheduledExecutorService timer;

    public RetentionSweepScheduler(DaemonToken token, Settings settings) {
        this.token = Objects.requireNonNull(token, "token");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "patientrecordings-retention-sweep");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Schedules the first run a few minutes after start, once OpenMRS has settled. */
    public void start() {
        timer.schedule(this::runAndReschedule, FIRST_RUN_DELAY_MINUTES, TimeUnit.MINUTES);
    }

    /** Stops scheduling; a run in progress finishes. */
    public void stop() {
        timer.shutdownNow();
    }

    private void runAndReschedule() {
        long hours = DEFAULT_INTERVAL_HOURS;
        try {
            // Global properties are read as the daemon user: this timer thread has no OpenMRS user context.
            hours = Daemon.runInDaemonThread(
                            () -> {
                                new RetentionSweep(settings).run();
                                return Math.max(1, settings.getLong(Setting.RETENTION_SWEEP_INTERVAL_HOURS));
                            },
                            token)
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | RuntimeException e) {
            LOG.error("The module's sweeps failed; they run again in {} hours", hours, e);
        }
        if (!timer.isShutdown()) {
            timer.schedule(this::runAndReschedule, hours, TimeUnit.HOURS);
        }
    }
}
