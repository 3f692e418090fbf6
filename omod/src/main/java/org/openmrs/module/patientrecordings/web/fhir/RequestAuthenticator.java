/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The host's authentication, plugged into the FHIR server: standalone checks HTTP Basic credentials against its user
 * directory, OpenMRS honours its session. The server calls it once per request, before anything else, and closes the
 * returned scope when the request ends, so that the services' {@code CurrentUser} sees the user on that thread only.
 */
@FunctionalInterface
public interface RequestAuthenticator {

    /**
     * Authenticates a request and makes its user current for this thread.
     *
     * @return the open scope, or empty when the request carries no valid credentials (the server then answers 401,
     *     except for {@code /metadata})
     */
    Optional<Scope> authenticate(HttpServletRequest request);

    /** The value of {@code WWW-Authenticate} on a 401, or empty to send none (e.g. a session-only host). */
    default Optional<String> challenge() {
        return Optional.empty();
    }

    /** A request's authenticated user, current on its thread until closed. */
    interface Scope extends AutoCloseable {

        /** Ends the user's binding to this thread. Never throws. */
        @Override
        void close();
    }
}
