/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.UUID;

/**
 * Identifies a patient by the host's stable identifier (a UUID in OpenMRS).
 *
 * @param value never null or blank
 */
public record PatientId(String value) {

    public PatientId {
        Ids.require(value, "patient id");
    }

    public static PatientId of(String value) {
        return new PatientId(value);
    }

    public static PatientId random() {
        return new PatientId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
