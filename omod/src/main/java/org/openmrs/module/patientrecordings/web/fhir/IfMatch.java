/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.openmrs.module.patientrecordings.domain.Versions;
import org.openmrs.module.patientrecordings.recording.Recording;

/**
 * VER-1 for requests that change a recording: {@code If-Match: W/"n"} must name its current version. The stores
 * check versions again on save, so a change between this check and the save is still refused.
 */
final class IfMatch {

    private IfMatch() {}

    /** @throws org.openmrs.module.patientrecordings.domain.RuleViolationException VER-1 when the version is stale */
    static void check(RequestDetails request, Recording current) {
        String header = request.getHeader("If-Match");
        if (header == null || header.isBlank()) {
            return;
        }
        String version = header.trim().replaceFirst("^W/", "").replace("\"", "");
        long given;
        try {
            given = Long.parseLong(version);
        } catch (NumberFormatException e) {
            given = -1;
        }
        Versions.check(current.version(), given, "recording " + current.id());
    }
}
