/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * A user of the clinic with the privileges the host grants them.
 *
 * @param role what they do, for readable failures
 * @param id their user id
 * @param privileges what they may do
 */
public record StaffMember(String role, UserId id, Set<Privilege> privileges) {

    public StaffMember {
        privileges = Set.copyOf(privileges);
    }

    public Actor actor() {
        return new Actor(id, privileges);
    }

    @Override
    public String toString() {
        return role + " " + id;
    }
}
