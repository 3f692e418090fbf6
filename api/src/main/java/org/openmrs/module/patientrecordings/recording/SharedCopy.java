/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Provenance of a copy that the patient shared into their record (PAT-2).
 *
 * @param receivedOn the date it was received
 * @param howObtained how it was obtained
 */
public record SharedCopy(LocalDate receivedOn, String howObtained) {

    public SharedCopy {
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(howObtained, "howObtained");
    }
}
