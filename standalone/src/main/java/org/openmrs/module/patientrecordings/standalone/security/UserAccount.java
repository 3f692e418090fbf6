/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import java.util.Objects;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * A user of the standalone server (without the password hash).
 *
 * @param id the stable id audit entries name; never null
 * @param username the login name; never null
 * @param displayName never null
 * @param privileges what the user may do (SAF-3); copied
 */
public record UserAccount(UserId id, String username, String displayName, Set<Privilege> privileges) {

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        privileges = Set.copyOf(privileges);
    }

    /** The user as the module's services see them, named in messages by name and username. */
    public Actor actor() {
        return new Actor(id, displayName + " (" + username + ")", privileges);
    }
}
