/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.SiteId;

/** The host's encounters (visits, consultations) that recordings and notes belong to. */
public interface EncounterDirectory {

    Optional<Encounter> find(EncounterId id);

    /**
     * An encounter.
     *
     * @param id never null
     * @param patient whose encounter it is
     * @param site where it took place, or null
     * @param start when it started
     */
    record Encounter(EncounterId id, PatientId patient, SiteId site, Instant start) {
        public Encounter {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(patient, "patient");
        }
    }
}
