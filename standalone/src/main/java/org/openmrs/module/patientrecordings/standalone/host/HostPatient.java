/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import java.time.LocalDate;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.PatientId;

/**
 * A patient of the standalone server's own register. Names are patient data: never logged.
 *
 * @param id never null
 * @param identifier the medical record number, unique; never null
 * @param givenName never null
 * @param familyName never null
 * @param gender never null
 * @param birthDate null when unknown
 * @param deathDate null while alive or unknown
 */
public record HostPatient(
        PatientId id,
        String identifier,
        String givenName,
        String familyName,
        Gender gender,
        LocalDate birthDate,
        LocalDate deathDate) {

    public HostPatient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(gender, "gender");
    }

    /** Given and family name, for notes and screens. */
    public String displayName() {
        return givenName + " " + familyName;
    }

    @Override
    public String toString() {
        // Ids only: a record's toString ends up in logs and exception messages.
        return "HostPatient[" + id + "]";
    }
}
