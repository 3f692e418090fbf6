/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.port;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.PatientId;

/** The host's patients: whether one exists, and the facts retention depends on (REC-2). */
public interface PatientDirectory {

    /** The patient, or empty when the host does not know them (or they are voided). */
    Optional<Patient> find(PatientId id);

    /**
     * A patient as the product sees it.
     *
     * @param id never null
     * @param displayName for notes and screens; never written to logs
     * @param birthDate null when unknown
     * @param deathDate null while alive or unknown
     * @param lastTreatment the date of the patient's latest treatment or encounter the host knows of, or null
     */
    record Patient(
            PatientId id, String displayName, LocalDate birthDate, LocalDate deathDate, LocalDate lastTreatment) {
        public Patient {
            Objects.requireNonNull(id, "id");
        }
    }
}
