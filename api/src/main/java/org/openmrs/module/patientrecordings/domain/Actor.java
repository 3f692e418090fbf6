/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated user on whose behalf an action runs, with the privileges the host grants them (SAF-3).
 *
 * @param user never null
 * @param privileges never null; copied
 */
public record Actor(UserId user, Set<Privilege> privileges) {

    public Actor {
        Objects.requireNonNull(user, "user");
        privileges = Set.copyOf(privileges);
    }

    public boolean has(Privilege privilege) {
        return privileges.contains(privilege);
    }
}
