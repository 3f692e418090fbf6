/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.shell;

import java.util.Objects;

/**
 * Where the browser shell finds the server, as paths below the web application's context path (the servlet adds
 * the context path of each request).
 *
 * @param fhirBase the module's FHIR R4 base, e.g. {@code /fhir} or {@code /ws/patientrecordings/fhir/R4}
 * @param adminBase the administration API, e.g. {@code /admin}
 * @param hostFhirBase where the host's patients, encounters and notes are searched through FHIR; {@code null} when
 *     the host has none (inside OpenMRS without a FHIR module the shell searches patients through OpenMRS' REST API)
 * @param hostRestBase OpenMRS' REST API, e.g. {@code /ws/rest/v1}; {@code null} outside OpenMRS
 * @param sessionPath sign-in, the signed-in user and sign-out, e.g. {@code /session}
 * @param host {@code standalone} or {@code openmrs}: which sign-in the shell shows
 */
public record ShellSettings(
        String fhirBase, String adminBase, String hostFhirBase, String hostRestBase, String sessionPath, String host) {

    public ShellSettings {
        Objects.requireNonNull(fhirBase, "fhirBase");
        Objects.requireNonNull(adminBase, "adminBase");
        Objects.requireNonNull(sessionPath, "sessionPath");
        Objects.requireNonNull(host, "host");
        if (hostFhirBase == null && hostRestBase == null) {
            throw new IllegalArgumentException(
                    "the shell needs the host's FHIR base or its REST base to find patients");
        }
    }
}
