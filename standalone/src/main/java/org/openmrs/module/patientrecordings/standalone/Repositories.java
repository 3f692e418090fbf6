/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.util.Objects;
import org.openmrs.module.patientrecordings.consent.ConsentRepository;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.register.RegisterRepository;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRepository;
import org.openmrs.module.patientrecordings.site.SitePolicyRepository;

/**
 * Where the module keeps recordings, consents, registers, site policies and administered retention schedules. Chosen in one place,
 * {@link StandaloneApplication#repositories}.
 */
public record Repositories(
        RecordingRepository recordings,
        ConsentRepository consents,
        RegisterRepository registers,
        SitePolicyRepository sitePolicies,
        RetentionScheduleRepository retentionSchedules) {

    public Repositories {
        Objects.requireNonNull(recordings, "recordings");
        Objects.requireNonNull(consents, "consents");
        Objects.requireNonNull(registers, "registers");
        Objects.requireNonNull(sitePolicies, "sitePolicies");
        Objects.requireNonNull(retentionSchedules, "retentionSchedules");
    }
}
