/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import org.openmrs.module.patientrecordings.domain.ConsentState;

/** The decisions a consent's history is made of (CON-8 writes each into the patient's record). */
public enum ConsentEventType {
    GIVEN(ConsentState.GIVEN),
    WITHHELD(ConsentState.WITHHELD),
    WITHDRAWN(ConsentState.WITHDRAWN),
    /** CON-7: the patient confirmed consent after a recording; the consent state does not change. */
    CONFIRMED_AFTER_RECORDING(null),
    /** CON-7: the patient refused after a recording; for that recording it counts as a withdrawal. */
    REFUSED_AFTER_RECORDING(null),
    /** A later decision on the same kinds and purposes replaced this one: it is no longer in force. */
    SUPERSEDED(ConsentState.SUPERSEDED);

    private final ConsentState resultingState;

    ConsentEventType(ConsentState resultingState) {
        this.resultingState = resultingState;
    }

    /** The consent state this decision leads to, or null when it does not change the consent's state. */
    public ConsentState resultingState() {
        return resultingState;
    }
}
