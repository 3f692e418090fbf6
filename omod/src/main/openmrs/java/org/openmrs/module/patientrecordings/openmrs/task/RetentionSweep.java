/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.task;

import java.util.List;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.openmrs.service.PatientRecordingsService;
import org.openmrs.module.patientrecordings.register.DestructionEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the retention sweep (REC-4): disposes of every recording whose retention has ended and that nothing
 * keeps, each with a destruction-register entry. Runs on a daemon thread, as the daemon user, so every disposal is
 * attributed to it in the audit trail.
 */
final class RetentionSweep implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

    @Override
    public void run() {
        List<DestructionEntry> destroyed =
                Context.getService(PatientRecordingsService.class).disposal().sweep();
        LOG.info("Retention sweep destroyed the content of {} recordings", destroyed.size());
    }
}
