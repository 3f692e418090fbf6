/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import org.openmrs.PersonName;
import org.openmrs.module.patientrecordings.hosting.PersonNames;

/**
 * Reads OpenMRS names part by part ({@link PersonNames}): {@code PersonName.getFullName()} and {@code toString()} log
 * a WARN on every call on a server without a name layout.
 */
public final class HostNames {

    private HostNames() {}

    /** The name as written, or null when there is none. */
    public static String of(PersonName name) {
        if (name == null) {
            return null;
        }
        return PersonNames.display(new PersonNames.Parts(
                name.getPrefix(),
                name.getGivenName(),
                name.getMiddleName(),
                name.getFamilyNamePrefix(),
                name.getFamilyName(),
                name.getFamilyName2(),
                name.getFamilyNameSuffix(),
                name.getDegree()));
    }
}
