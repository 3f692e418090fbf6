/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import org.openmrs.module.patientrecordings.domain.Privilege;

/** What someone wants to do with a recording, and the privilege it takes (SAF-3). */
public enum UseAction {
    VIEW(Privilege.VIEW_RECORDINGS),
    PLAY(Privilege.VIEW_RECORDINGS),
    DOWNLOAD(Privilege.VIEW_RECORDINGS),
    COPY(Privilege.VIEW_RECORDINGS),
    DISCLOSE(Privilege.DISCLOSE_RECORDINGS),
    EXPORT(Privilege.DISCLOSE_RECORDINGS);

    private final Privilege privilege;

    UseAction(Privilege privilege) {
        this.privilege = privilege;
    }

    public Privilege privilege() {
        return privilege;
    }
}
