/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;

/**
 * Answers "what did the patient last decide about this kind of recording for this purpose?". The latest decision
 * wins, so a consent given after a refusal counts, and a refusal or withdrawal after a consent ends it.
 */
public final class ConsentCoverage {

    private ConsentCoverage() {}

    /** The latest decision about {@code kind} for {@code purpose}, if the patient made any. */
    public static Optional<ConsentFact> latest(List<ConsentFact> consents, RecordingKind kind, Purpose purpose) {
        return consents.stream()
                .filter(c -> c.isAbout(kind, purpose))
                .max(Comparator.comparing(ConsentFact::decidedAt)
                        .thenComparing(c -> c.state().ordinal()));
    }

    /** The state in force for {@code kind} and {@code purpose}, if any decision exists. */
    public static Optional<ConsentState> stateFor(List<ConsentFact> consents, RecordingKind kind, Purpose purpose) {
        return latest(consents, kind, purpose).map(ConsentFact::state);
    }

    /** @return true when an active (given) consent is the latest decision about this kind and purpose */
    public static boolean given(List<ConsentFact> consents, RecordingKind kind, Purpose purpose) {
        return stateFor(consents, kind, purpose)
                .filter(ConsentState.GIVEN::equals)
                .isPresent();
    }
}
