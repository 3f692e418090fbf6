/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import java.time.LocalDate;

/**
 * What registering a patient takes; checked by {@link HostPatients#create}.
 *
 * @param identifier the medical record number: 1 to 64 letters, digits, {@code -} or {@code .}; unique
 * @param givenName 1 to 255 characters
 * @param familyName 1 to 255 characters
 * @param gender null for {@link Gender#UNKNOWN}
 * @param birthDate null when unknown; not in the future
 */
public record NewPatient(String identifier, String givenName, String familyName, Gender gender, LocalDate birthDate) {

    @Override
    public String toString() {
        return "NewPatient[" + identifier + "]";
    }
}
