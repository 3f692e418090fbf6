/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.openmrs.module.patientrecordings.web.fhir.RequestAuthenticator;

/**
 * The FHIR server's authentication inside OpenMRS. The user is OpenMRS' own, already on the request thread's user
 * context: from the session cookie, or from the HTTP Basic credentials that {@link
 * PatientRecordingsAuthenticationFilter} authenticated before it forwarded the request. So there is nothing to bind
 * and nothing to release; a request is refused when nobody is authenticated or its Basic credentials failed.
 */
final class OpenmrsRequestAuthenticator implements RequestAuthenticator {

    @Override
    public Optional<Scope> authenticate(HttpServletRequest request) {
        if (!PatientRecordingsAuthenticationFilter.isAuthenticated(request)) {
            return Optional.empty();
        }
        return Optional.of(() -> {});
    }

    @Override
    public Optional<String> challenge() {
        return Optional.of(PatientRecordingsAuthenticationFilter.CHALLENGE);
    }
}
