/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Purpose;

/**
 * A site's telephone recording setting (TEL-1): all calls or none.
 *
 * @param enabled when true every call to and from the site is recorded as a matter of routine
 * @param declaredPurposes the only purposes call recordings may serve (TEL-4); copied
 * @param notices how callers are told, current and past (TEL-2); copied
 */
public record TelephonePolicy(boolean enabled, Set<Purpose> declaredPurposes, List<TelephoneNotice> notices) {

    public static final TelephonePolicy OFF = new TelephonePolicy(false, Set.of(), List.of());

    public TelephonePolicy {
        declaredPurposes = Set.copyOf(declaredPurposes);
        notices = List.copyOf(notices);
    }

    /** @return the notices in use on {@code day} */
    public List<TelephoneNotice> noticesInUseOn(LocalDate day) {
        return notices.stream().filter(n -> n.inUseOn(day)).toList();
    }
}
