/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.UUID;

/**
 * Identifies a consent by the host's stable identifier (a UUID in OpenMRS).
 *
 * @param value never null or blank
 */
public record ConsentId(String value) {

    public ConsentId {
        Ids.require(value, "consent id");
    }

    public static ConsentId of(String value) {
        return new ConsentId(value);
    }

    public static ConsentId random() {
        return new ConsentId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
