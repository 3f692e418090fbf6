/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.UUID;

/**
 * Identifies a recording by the host's stable identifier (a UUID in OpenMRS).
 *
 * @param value never null or blank
 */
public record RecordingId(String value) {

    public RecordingId {
        Ids.require(value, "recording id");
    }

    public static RecordingId of(String value) {
        return new RecordingId(value);
    }

    public static RecordingId random() {
        return new RecordingId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
