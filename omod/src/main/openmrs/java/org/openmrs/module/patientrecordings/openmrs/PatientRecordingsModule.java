/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs;

import org.openmrs.module.patientrecordings.hosting.ModuleAvailability;

/**
 * What the module's parts that OpenMRS creates itself (the activator, the servlets) share: whether the module
 * started. One per module class loader, so a restarted module starts afresh.
 */
public final class PatientRecordingsModule {

    /** Every step of the start runs through it; the endpoints answer 503 naming its failure. */
    public static final ModuleAvailability AVAILABILITY = new ModuleAvailability();

    private PatientRecordingsModule() {}
}
