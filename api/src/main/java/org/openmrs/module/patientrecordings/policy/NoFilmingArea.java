/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.List;
import java.util.Objects;

/**
 * An area of a site where filming is forbidden as a site rule (PAT-3), with the notices that announce it.
 *
 * @param code stable code of the area, e.g. {@code RECEPTION}; never blank
 * @param name display name
 * @param notices the wording and placement of the notices; at least one (a rule nobody is told of is no rule)
 */
public record NoFilmingArea(String code, String name, List<String> notices) {

    public NoFilmingArea {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a no-filming area needs a code");
        }
        Objects.requireNonNull(name, "name");
        notices = List.copyOf(notices);
        if (notices.isEmpty()) {
            throw new IllegalArgumentException("a no-filming area needs at least one notice announcing it");
        }
    }
}
