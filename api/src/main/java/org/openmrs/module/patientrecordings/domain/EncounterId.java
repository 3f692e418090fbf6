/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.UUID;

/**
 * Identifies a encounter by the host's stable identifier (a UUID in OpenMRS).
 *
 * @param value never null or blank
 */
public record EncounterId(String value) {

    public EncounterId {
        Ids.require(value, "encounter id");
    }

    public static EncounterId of(String value) {
        return new EncounterId(value);
    }

    public static EncounterId random() {
        return new EncounterId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
