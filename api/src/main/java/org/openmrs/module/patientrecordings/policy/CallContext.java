/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.Objects;

/**
 * Facts about a telephone call to be recorded.
 *
 * @param type what kind of call it is
 * @param explicitNoticeGiven whether the caller was told at the start of the call that it is recorded (TEL-3)
 * @param chosenCaller true when the request is to record this one caller's calls specifically rather than as
 *     part of the site's routine (TEL-1 refuses it)
 */
public record CallContext(CallType type, boolean explicitNoticeGiven, boolean chosenCaller) {

    public CallContext {
        Objects.requireNonNull(type, "type");
    }

    /** Kinds of call. */
    public enum CallType {
        ROUTINE_INCOMING,
        ROUTINE_OUTGOING,
        TRIAGE,
        MEDICAL_ADVICE,
        OUTGOING_CONSULTATION;

        /** @return true when the call needs an explicit notice at its start (TEL-3) */
        public boolean needsExplicitNotice() {
            return this == TRIAGE || this == MEDICAL_ADVICE || this == OUTGOING_CONSULTATION;
        }
    }
}
