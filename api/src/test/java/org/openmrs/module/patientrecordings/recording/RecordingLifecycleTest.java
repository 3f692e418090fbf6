/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openmrs.module.patientrecordings.domain.RecordingState.COMPLETED;
import static org.openmrs.module.patientrecordings.domain.RecordingState.DESTROYED;
import static org.openmrs.module.patientrecordings.domain.RecordingState.IN_PROGRESS;
import static org.openmrs.module.patientrecordings.domain.RecordingState.PENDING_CONFIRMATION;
import static org.openmrs.module.patientrecordings.domain.RecordingState.REQUESTED;
import static org.openmrs.module.patientrecordings.domain.RecordingState.SEALED;
import static org.openmrs.module.patientrecordings.domain.RecordingState.STOPPED;
import static org.openmrs.module.patientrecordings.domain.RecordingState.VOIDED;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/** LIF-1: the recording lifecycle allows exactly the listed transitions and refuses every other pair. */
@DisplayName("LIF-1: the recording lifecycle")
class RecordingLifecycleTest {

    /** The transitions the lifecycle documents; written out here, not read from the class under test. */
    private static final Map<RecordingState, Set<RecordingState>> ALLOWED = Map.of(
            REQUESTED, EnumSet.of(IN_PROGRESS, SEALED),
            IN_PROGRESS, EnumSet.of(COMPLETED, STOPPED, PENDING_CONFIRMATION, SEALED),
            PENDING_CONFIRMATION, EnumSet.of(COMPLETED, STOPPED, SEALED, VOIDED, DESTROYED),
            COMPLETED, EnumSet.of(SEALED, VOIDED, DESTROYED),
            STOPPED, EnumSet.of(SEALED, VOIDED, DESTROYED),
            VOIDED, EnumSet.of(DESTROYED),
            SEALED, EnumSet.of(DESTROYED),
            DESTROYED, EnumSet.noneOf(RecordingState.class));

    static Stream<Arguments> everyPairOfStates() {
        List<Arguments> pairs = new ArrayList<>();
        for (RecordingState from : RecordingState.values()) {
            for (RecordingState to : RecordingState.values()) {
                pairs.add(Arguments.of(from, to, ALLOWED.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "LIF-1: {0} -> {1} allowed: {2}")
    @MethodSource("everyPairOfStates")
    @DisplayName("LIF-1: each pair of states is allowed exactly when listed, otherwise refused with LIF-1")
    void lif1_everyPair(RecordingState from, RecordingState to, boolean allowed) {
        assertThat(RecordingLifecycle.allows(from, to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(RecordingLifecycle.transition(from, to)).isEqualTo(to);
            assertThat(RecordingLifecycle.next(from)).contains(to);
        } else {
            assertThat(refusalCodes(() -> RecordingLifecycle.transition(from, to)))
                    .containsExactly(ErrorCode.LIF_1);
            assertThat(RecordingLifecycle.next(from)).doesNotContain(to);
        }
    }

    @Test
    @DisplayName("LIF-1: a destroyed recording goes nowhere, and no state leads back to REQUESTED")
    void lif1_destroyedIsFinalAndNothingReturnsToRequested() {
        assertThat(RecordingLifecycle.next(DESTROYED)).isEmpty();
        for (RecordingState from : RecordingState.values()) {
            assertThat(RecordingLifecycle.allows(from, REQUESTED))
                    .as(from + " -> REQUESTED")
                    .isFalse();
        }
    }

    @Test
    @DisplayName("LIF-1: only states that may still be played are playable")
    void lif1_playableStates() {
        assertThat(EnumSet.allOf(RecordingState.class).stream().filter(RecordingState::playable))
                .containsExactlyInAnyOrder(IN_PROGRESS, PENDING_CONFIRMATION, COMPLETED, STOPPED);
    }

    @Test
    @DisplayName("LIF-1: a refused transition names the states as the Media shows them, not as constants")
    void lif1_refusalNamesStatesForPeople() {
        RuleViolationException refused = catchThrowableOfType(
                RuleViolationException.class, () -> RecordingLifecycle.transition(COMPLETED, IN_PROGRESS));

        assertThat(refused.reasons().get(0).message())
                .contains("completed", "in progress")
                .doesNotContain("COMPLETED", "IN_PROGRESS");
    }
}
