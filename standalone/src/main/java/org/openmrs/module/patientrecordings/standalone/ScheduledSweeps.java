/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openmrs.module.patientrecordings.audit.AuditChainWatch;
import org.openmrs.module.patientrecordings.audit.ChainVerification;
import org.openmrs.module.patientrecordings.disposal.DisposalReport;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.storage.ContentSweeper;
import org.openmrs.module.patientrecordings.storage.SweepReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic housekeeping: the retention sweep (REC-4, disposal of what is due, as the system user
 * {@value #SWEEPER_ID} with the one privilege it needs) and the abandoned-upload sweep. The first runs start a
 * minute after start-up (or one interval, if shorter), then every interval. A failed run is logged and the next one
 * runs as planned. The full check of the audit chain (SAF-2) runs at start-up and then every interval or every
 * {@link #FULL_CHAIN_CHECK}, whichever is shorter: {@code /health} checks only the entries added since, so a change to
 * an older entry shows there from the next full check.
 */
final class ScheduledSweeps implements AutoCloseable {

    /** The user id the retention sweep's disposals are audited under. */
    static final String SWEEPER_ID = "standalone-retention-sweep";

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledSweeps.class);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    /** The longest time between two full checks of the audit chain. */
    static final Duration FULL_CHAIN_CHECK = Duration.ofHours(1);

    private final BackgroundThread thread;

    private ScheduledSweeps(BackgroundThread thread) {
        this.thread = thread;
    }

    static ScheduledSweeps start(
            Services services,
            ContentSweeper content,
            AuditChainWatch auditChain,
            Duration interval,
            Duration shutdownTimeout) {
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(auditChain, "auditChain");
        // One thread, as StandaloneConfig.BACKGROUND_DATABASE_THREADS counts it in the database pool.
        BackgroundThread thread = new BackgroundThread("sweeps", shutdownTimeout);
        Actor sweeper = new Actor(UserId.of(SWEEPER_ID), Set.of(Privilege.MANAGE_RECORDS));
        Duration first = FIRST_RUN.compareTo(interval) < 0 ? FIRST_RUN : interval;
        thread.every(interval, first, () -> retentionSweep(services, sweeper));
        thread.every(interval, first, () -> contentSweep(content));
        Duration chainChecks = FULL_CHAIN_CHECK.compareTo(interval) < 0 ? FULL_CHAIN_CHECK : interval;
        thread.every(chainChecks, Duration.ZERO, () -> fullChainCheck(auditChain));
        return new ScheduledSweeps(thread);
    }

    private static void retentionSweep(Services services, Actor sweeper) {
        long began = System.nanoTime();
        try {
            DisposalReport report = services.currentUser()
                    .callAs(sweeper, () -> services.disposal().sweepReport());
            LOG.info(
                    "event=retention_sweep examined={} destroyed={} erasedObjects={} uploadPartsRemoved={} kept={}"
                            + " durationMs={}",
                    report.examined(),
                    report.destroyed().size(),
                    report.objectsErased(),
                    report.partsRemoved(),
                    report.kept(),
                    millisSince(began));
        } catch (RuntimeException e) {
            LOG.error("event=retention_sweep_failed durationMs={}", millisSince(began), e);
        }
    }

    /** Removes unfinished writes and content that no committed recording refers to, past the grace period. */
    private static void contentSweep(ContentSweeper content) {
        long began = System.nanoTime();
        try {
            SweepReport report = content.sweep();
            LOG.info(
                    "event=content_sweep temporaries={} orphans={} kept={} durationMs={}",
                    report.temporariesRemoved(),
                    report.orphansRemoved(),
                    report.kept(),
                    millisSince(began));
        } catch (Exception e) {
            LOG.error("event=content_sweep_failed durationMs={}", millisSince(began), e);
        }
    }

    private static void fullChainCheck(AuditChainWatch auditChain) {
        long began = System.nanoTime();
        try {
            ChainVerification result = auditChain.verifyAll();
            if (result instanceof ChainVerification.Broken broken) {
                LOG.error(
                        "event=audit_chain_broken sequence={} kind={} durationMs={}",
                        broken.sequence(),
                        broken.kind(),
                        millisSince(began));
            } else if (result instanceof ChainVerification.Intact intact) {
                LOG.info(
                        "event=audit_chain_checked entries={} durationMs={}",
                        intact.head().sequence(),
                        millisSince(began));
            }
        } catch (RuntimeException e) {
            LOG.error("event=audit_chain_check_failed durationMs={}", millisSince(began), e);
        }
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /** Stops scheduling; waits up to the shutdown timeout for a sweep in progress, then interrupts it. */
    @Override
    public void close() {
        thread.close();
    }
}
