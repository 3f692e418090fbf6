/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs;

import org.openmrs.module.BaseModuleActivator;
import org.openmrs.module.DaemonToken;
import org.openmrs.module.DaemonTokenAware;
import org.openmrs.module.patientrecordings.openmrs.port.OpenmrsSettings;
import org.openmrs.module.patientrecordings.openmrs.task.RetentionSweepScheduler;

/**
 * The module's activator (config.xml): starts the retention sweep with the daemon token OpenMRS hands the module,
 * and stops it when the module stops.
 */
public class PatientRecordingsActivator extends BaseModuleActivator implements DaemonTokenAware {

    private volatile DaemonToken daemonToken;
    private volatile RetentionSweepScheduler sweep;

    @Override
    public void setDaemonToken(DaemonToken token) {
        this.daemonToken = token;
    }

    @Override
    public void started() {
        RetentionSweepScheduler scheduler = new RetentionSweepScheduler(daemonToken, new OpenmrsSettings());
        scheduler.start();
        sweep = scheduler;
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
