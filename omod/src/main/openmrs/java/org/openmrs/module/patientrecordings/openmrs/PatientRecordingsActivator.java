/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs;

import static org.openmrs.module.patientrecordings.openmrs.PatientRecordingsModule.AVAILABILITY;
import static org.openmrs.module.patientrecordings.openmrs.service.ModuleComponents.the;

import org.openmrs.api.context.Daemon;
import org.openmrs.module.BaseModuleActivator;
import org.openmrs.module.DaemonToken;
import org.openmrs.module.DaemonTokenAware;
import org.openmrs.module.patientrecordings.hosting.NoteConcept;
import org.openmrs.module.patientrecordings.openmrs.port.OpenmrsSettings;
import org.openmrs.module.patientrecordings.openmrs.task.RetentionSweepScheduler;

/**
 * The module's activator (config.xml). At start it makes sure the note concept exists (CON-8: a bare platform has no
 * CIEL dictionary) and starts the retention sweep with the daemon token OpenMRS hands the module; it stops the sweep
 * when the module stops. OpenMRS stops starting altogether when {@code started()} throws, so each step runs through
 * the module's {@link PatientRecordingsModule#AVAILABILITY}: a failure is logged once and makes the module, not the
 * server, unavailable.
 */
public class PatientRecordingsActivator extends BaseModuleActivator implements DaemonTokenAware {

    private volatile DaemonToken daemonToken;
    private volatile RetentionSweepScheduler sweep;

    @Override
    public void setDaemonToken(DaemonToken token) {
        this.daemonToken = token;
    }

    @Override
    public void willStart() {
        AVAILABILITY.reset();
    }

    @Override
    public void started() {
        // As the daemon user: at server start-up nobody is signed in, and making a concept needs privileges.
        AVAILABILITY.run(
                "make sure the note concept exists",
                () -> Daemon.runInDaemonThread(() -> the(NoteConcept.class).ensure(), daemonToken)
                        .get());
        AVAILABILITY.run("start the retention sweep", () -> {
            RetentionSweepScheduler scheduler = new RetentionSweepScheduler(daemonToken, new OpenmrsSettings());
            scheduler.start();
            sweep = scheduler;
        });
    }

    @Override
    public void willStop() {
        RetentionSweepScheduler scheduler = sweep;
        if (scheduler != null) {
            scheduler.stop();
            sweep = null;
        }
    }
}
