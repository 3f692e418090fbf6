/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated user on whose behalf an action runs, with the privileges the host grants them (SAF-3).
 *
 * @param user never null
 * @param name how people read who the user is, e.g. "Ada Lovelace (alovelace)"; null when the host gives none
 * @param privileges never null; copied
 */
public record Actor(UserId user, String name, Set<Privilege> privileges) {

    public Actor {
        Objects.requireNonNull(user, "user");
        name = name == null || name.isBlank() ? null : name;
        privileges = Set.copyOf(privileges);
    }

    /** A user the host names by id only. */
    public Actor(UserId user, Set<Privilege> privileges) {
        this(user, null, privileges);
    }

    /** @return the user as messages name them: by name (and username) where the host knows it, else by id */
    public String describe() {
        return name == null ? user.value() : name;
    }

    public boolean has(Privilege privilege) {
        return privileges.contains(privilege);
    }
}
