/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.UUID;

/**
 * Identifies a user by the host's stable identifier (a UUID in OpenMRS).
 *
 * @param value never null or blank
 */
public record UserId(String value) {

    public UserId {
        Ids.require(value, "user id");
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
