/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.port.CurrentUser;

/**
 * A {@link CurrentUser} bound per request thread, for hosts whose own framework does not already know the user (the
 * standalone server). Give the same instance to the services and, through {@link #authenticator}, to the FHIR
 * server.
 */
public final class ThreadLocalCurrentUser implements CurrentUser {

    private final ThreadLocal<Actor> current = new ThreadLocal<>();

    /** @throws RuleViolationException SAF-3 when no user is bound to this thread */
    @Override
    public Actor get() {
        Actor actor = current.get();
        if (actor == null) {
            throw RuleViolationException.of(ErrorCode.SAF_3, "Nobody is authenticated");
        }
        return actor;
    }

    /** Binds {@code actor} to this thread until the scope is closed. */
    public RequestAuthenticator.Scope bind(Actor actor) {
        current.set(Objects.requireNonNull(actor, "actor"));
        return current::remove;
    }

    /**
     * An authenticator that binds the actor {@code credentials} finds for a request.
     *
     * @param credentials the host's check of a request's credentials; empty when they are missing or wrong
     * @param challenge the {@code WWW-Authenticate} value for a 401, or null for none
     */
    public RequestAuthenticator authenticator(
            Function<HttpServletRequest, Optional<Actor>> credentials, String challenge) {
        return new RequestAuthenticator() {
            @Override
            public Optional<Scope> authenticate(HttpServletRequest request) {
                return credentials.apply(request).map(ThreadLocalCurrentUser.this::bind);
            }

            @Override
            public Optional<String> challenge() {
                return Optional.ofNullable(challenge);
            }
        };
    }
}
