/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.task;

import static org.openmrs.module.patientrecordings.openmrs.service.ModuleComponents.the;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.disposal.DisposalReport;
import org.openmrs.module.patientrecordings.openmrs.service.PatientRecordingsService;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.settings.InvalidSettingException;
import org.openmrs.module.patientrecordings.settings.Setting;
import org.openmrs.module.patientrecordings.settings.Settings;
import org.openmrs.module.patientrecordings.storage.ContentReferences;
import org.openmrs.module.patientrecordings.storage.ContentSweeper;
import org.openmrs.module.patientrecordings.storage.SweepReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the module's housekeeping, on a daemon thread as the daemon user:
 *
 * <ol>
 *   <li>while {@link Setting#RETENTION_SWEEP_ENABLED} is true, the retention sweep (REC-4): disposes of every
 *       recording whose retention has ended and that nothing keeps, each with a destruction-register entry, every
 *       disposal attributed to the daemon user in the audit trail;
 *   <li>the content sweep: removes unfinished writes, and content that no committed recording refers to, once they
 *       are older than {@link Setting#ORPHAN_GRACE_MINUTES} (a crash between storing content and committing its
 *       recording leaves such content behind).
 * </ol>
 *
 * A failure of one is logged and does not stop the other.
 */
final class RetentionSweep implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

    private final Settings settings;

    RetentionSweep(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void run() {
        try {
            if (settings.getBoolean(Setting.RETENTION_SWEEP_ENABLED)) {
                DisposalReport report = Context.getService(PatientRecordingsService.class)
                        .disposal()
                        .sweepReport();
                LOG.info(
                        "Retention sweep examined {} recordings: destroyed {}, erased {} stored objects, removed {}"
                                + " upload parts, kept {} under a legal hold or another rule",
                        report.examined(),
                        report.destroyed().size(),
                        report.objectsErased(),
                        report.partsRemoved(),
                        report.kept());
            }
        } catch (RuntimeException e) {
            LOG.error("The retention sweep failed", e);
        }
        try {
            long minutes = settings.getLong(Setting.ORPHAN_GRACE_MINUTES);
            if (minutes < 0) {
                throw new InvalidSettingException(Setting.ORPHAN_GRACE_MINUTES, Long.toString(minutes), "0 or more");
            }
            Duration grace = Duration.ofMinutes(minutes);
            SweepReport report = new ContentSweeper(
                            the(ContentBackend.class), the(ContentReferences.class), Clock.systemUTC(), grace)
                    .sweep();
            LOG.info(
                    "Content sweep removed {} unfinished writes and {} orphaned contents, kept {}",
                    report.temporariesRemoved(),
                    report.orphansRemoved(),
                    report.kept());
        } catch (IOException | RuntimeException e) {
            LOG.error("The content sweep failed", e);
        }
    }
}
