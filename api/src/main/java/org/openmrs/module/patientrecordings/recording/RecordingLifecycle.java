/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.openmrs.module.patientrecordings.domain.RecordingState.COMPLETED;
import static org.openmrs.module.patientrecordings.domain.RecordingState.DESTROYED;
import static org.openmrs.module.patientrecordings.domain.RecordingState.IN_PROGRESS;
import static org.openmrs.module.patientrecordings.domain.RecordingState.PENDING_CONFIRMATION;
import static org.openmrs.module.patientrecordings.domain.RecordingState.REQUESTED;
import static org.openmrs.module.patientrecordings.domain.RecordingState.SEALED;
import static org.openmrs.module.patientrecordings.domain.RecordingState.STOPPED;
import static org.openmrs.module.patientrecordings.domain.RecordingState.VOIDED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * The recording lifecycle as an explicit transition relation. Every state change of a recording goes through
 * {@link #transition}; anything not listed here is refused with {@link ErrorCode#LIF_1}.
 *
 * <pre>
 * REQUESTED            → IN_PROGRESS | SEALED
 * IN_PROGRESS          → COMPLETED | STOPPED | PENDING_CONFIRMATION | SEALED
 * PENDING_CONFIRMATION → COMPLETED | STOPPED | SEALED | VOIDED | DESTROYED
 * COMPLETED, STOPPED   → SEALED | VOIDED | DESTROYED
 * VOIDED, SEALED       → DESTROYED
 * DESTROYED            → (none)
 * </pre>
 */
public final class RecordingLifecycle {

    private static final Map<RecordingState, Set<RecordingState>> NEXT = Map.of(
            REQUESTED, EnumSet.of(IN_PROGRESS, SEALED),
            IN_PROGRESS, EnumSet.of(COMPLETED, STOPPED, PENDING_CONFIRMATION, SEALED),
            PENDING_CONFIRMATION, EnumSet.of(COMPLETED, STOPPED, SEALED, VOIDED, DESTROYED),
            COMPLETED, EnumSet.of(SEALED, VOIDED, DESTROYED),
            STOPPED, EnumSet.of(SEALED, VOIDED, DESTROYED),
            VOIDED, EnumSet.of(DESTROYED),
            SEALED, EnumSet.of(DESTROYED),
            DESTROYED, EnumSet.noneOf(RecordingState.class));

    private RecordingLifecycle() {}

    /** @return true when a recording may go from {@code from} to {@code to} */
    public static boolean allows(RecordingState from, RecordingState to) {
        return NEXT.get(from).contains(to);
    }

    /** The states reachable in one step from {@code from}. */
    public static Set<RecordingState> next(RecordingState from) {
        return Set.copyOf(NEXT.get(from));
    }

    /**
     * Checks a transition.
     *
     * @return {@code to}
     * @throws RuleViolationException with LIF-1 when the transition is not allowed
     */
    public static RecordingState transition(RecordingState from, RecordingState to) {
        if (!allows(from, to)) {
            throw RuleViolationException.of(
                    ErrorCode.LIF_1, "A recording cannot go from " + from.label() + " to " + to.label(), "status");
        }
        return to;
    }
}
