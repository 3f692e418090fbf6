/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.openmrs.User;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.port.CurrentUser;

/**
 * {@link CurrentUser} over the OpenMRS user context of the current thread: the user's UUID, and each SAF-3
 * privilege the user holds under its OpenMRS name ({@link Privilege#privilegeName()}). A daemon thread (the
 * retention sweep) acts as the daemon user, who holds every privilege.
 */
public final class OpenmrsCurrentUser implements CurrentUser {

    @Override
    public Actor get() {
        User authenticated = authenticated()
                .orElseThrow(() -> RuleViolationException.of(ErrorCode.SAF_3, "Nobody is authenticated", "user"));
        UserId user = UserId.of(authenticated.getUuid());
        Set<Privilege> held = EnumSet.noneOf(Privilege.class);
        for (Privilege privilege : Privilege.values()) {
            if (Context.hasPrivilege(privilege.privilegeName())) {
                held.add(privilege);
            }
        }
        return new Actor(user, nameOf(authenticated), held);
    }

    /** @return the authenticated user of this thread (its UUID), or empty when nobody is authenticated */
    public Optional<UserId> user() {
        return authenticated().map(u -> UserId.of(u.getUuid()));
    }

    private static Optional<User> authenticated() {
        User user = Context.isSessionOpen() && Context.isAuthenticated() ? Context.getAuthenticatedUser() : null;
        return Optional.ofNullable(user);
    }

    /** "Name (username)" for messages, read part by part ({@link HostNames}); null when the user has neither. */
    private static String nameOf(User user) {
        String name = HostNames.of(user.getPersonName());
        String username = user.getUsername();
        boolean hasName = name != null && !name.isBlank();
        boolean hasUsername = username != null && !username.isBlank();
        if (hasName && hasUsername) {
            return name + " (" + username + ")";
        }
        return hasName ? name : hasUsername ? username : null;
    }
}
