/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.port.CurrentUser;

/** Whoever the test says is logged in; nobody at first. */
public final class SwitchableCurrentUser implements CurrentUser {

    private Actor actor;

    @Override
    public synchronized Actor get() {
        if (actor == null) {
            throw RuleViolationException.of(ErrorCode.SAF_3, "Nobody is authenticated", "user");
        }
        return actor;
    }

    public synchronized void logIn(Actor who) {
        this.actor = who;
    }

    public synchronized Actor current() {
        return actor;
    }
}
