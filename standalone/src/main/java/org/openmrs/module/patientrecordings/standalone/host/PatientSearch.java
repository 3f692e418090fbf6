/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import java.time.LocalDate;

/**
 * Criteria of a patient search; null criteria match everything. Results come sorted by family name, given name,
 * id.
 *
 * @param name a part of the given or family name, case-insensitive
 * @param identifier the exact medical record number
 * @param birthDate the exact birth date
 * @param offset how many matches to skip, not negative
 * @param count the most matches to return, 1 to {@value #MAX_COUNT}
 */
public record PatientSearch(String name, String identifier, LocalDate birthDate, int offset, int count) {

    public static final int MAX_COUNT = 500;

    public PatientSearch {
        if (offset < 0 || count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("offset >= 0 and 1 <= count <= " + MAX_COUNT + " are required");
        }
    }

    /** Every patient, first page of the given size. */
    public static PatientSearch all(int count) {
        return new PatientSearch(null, null, null, 0, count);
    }

    @Override
    public String toString() {
        // The name fragment is patient data.
        return "PatientSearch[offset=" + offset + ", count=" + count + "]";
    }
}
