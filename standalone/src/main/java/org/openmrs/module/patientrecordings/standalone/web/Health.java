/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.web;

import java.util.Objects;

/**
 * What {@code /health} reports.
 *
 * @param databaseOk whether a database connection answered
 * @param storeOk whether the content store answered
 * @param version the server's version; never null
 */
public record Health(boolean databaseOk, boolean storeOk, String version) {

    public Health {
        Objects.requireNonNull(version, "version");
    }

    /** UP when every part is, else DOWN. */
    public String status() {
        return databaseOk && storeOk ? "UP" : "DOWN";
    }

    /** The report as a JSON object. */
    public String toJson() {
        return "{\"status\":\"" + status() + "\",\"database\":{\"ok\":" + databaseOk + "},\"store\":{\"ok\":" + storeOk
                + "},\"version\":\"" + version.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
