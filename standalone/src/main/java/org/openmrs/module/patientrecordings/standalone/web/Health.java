/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.web;

import java.util.Objects;
import org.openmrs.module.patientrecordings.audit.ChainVerification;

/**
 * What {@code /health} reports.
 *
 * @param databaseOk whether a database connection answered
 * @param storeOk whether the content store answered
 * @param auditChain the state of the audit trail's hash chain (SAF-2); null when it could not be checked
 * @param version the server's version; never null
 */
public record Health(boolean databaseOk, boolean storeOk, ChainVerification auditChain, String version) {

    public Health {
        Objects.requireNonNull(version, "version");
    }

    /** UP when every part is (the audit chain intact), else DOWN. */
    public String status() {
        return databaseOk && storeOk && auditChain != null && auditChain.intact() ? "UP" : "DOWN";
    }

    /**
     * The report as a JSON object. A broken audit chain is named by the sequence number where it breaks and the kind
     * of break only: the entry's content (who, which patient) is for the auditor's check.
     */
    public String toJson() {
        return "{\"status\":\"" + status() + "\",\"database\":{\"ok\":" + databaseOk + "},\"store\":{\"ok\":" + storeOk
                + "},\"auditChain\":" + auditChainJson() + ",\"version\":\""
                + version.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private String auditChainJson() {
        if (auditChain instanceof ChainVerification.Broken broken) {
            return "{\"ok\":false,\"brokenAt\":" + broken.sequence() + ",\"kind\":\"" + broken.kind() + "\"}";
        }
        return "{\"ok\":" + (auditChain != null) + "}";
    }
}
