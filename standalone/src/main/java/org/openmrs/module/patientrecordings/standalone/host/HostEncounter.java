/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import java.time.Instant;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.port.EncounterDirectory.Encounter;

/**
 * An encounter of the standalone server.
 *
 * @param id never null
 * @param patient never null
 * @param site where it took place, or null
 * @param start when it started; never null
 * @param description what it was (e.g. {@code GP consultation}), or null
 */
public record HostEncounter(EncounterId id, PatientId patient, SiteId site, Instant start, String description) {

    public HostEncounter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(start, "start");
    }

    /** The encounter as the module's port sees it. */
    public Encounter toPort() {
        return new Encounter(id, patient, site, start);
    }
}
