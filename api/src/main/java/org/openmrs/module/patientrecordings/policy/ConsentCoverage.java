/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;

/**
 * Answers "what does the patient want for this kind of recording and this purpose?". Among the consents that are
 * not withdrawn, the latest decision wins: a consent given after a refusal counts, and a refusal after a consent
 * ends it. A withdrawn consent stops counting, but leaves any other consent that still covers the purpose in force;
 * only when every decision about the purpose was withdrawn is the answer "withdrawn".
 */
public final class ConsentCoverage {

    private ConsentCoverage() {}

    /**
     * The decision in force about {@code kind} for {@code purpose}: the latest one not withdrawn, else the latest
     * withdrawal, else none.
     */
    public static Optional<ConsentFact> latest(List<ConsentFact> consents, RecordingKind kind, Purpose purpose) {
        Comparator<ConsentFact> byTime = Comparator.comparing(ConsentFact::decidedAt)
                .thenComparing(c -> c.state().ordinal());
        // One consent counts once, in its latest state, however many of its states were given.
        List<ConsentFact> about = consents.stream()
                .filter(c -> c.isAbout(kind, purpose))
                // A superseded consent is no longer in force: its successor, also listed, speaks instead.
                .filter(c -> c.state() != ConsentState.SUPERSEDED)
                .collect(Collectors.toMap(ConsentFact::id, c -> c, BinaryOperator.maxBy(byTime)))
                .values()
                .stream()
                .toList();
        return about.stream()
                .filter(c -> c.state() != ConsentState.WITHDRAWN)
                .max(byTime)
                .or(() -> about.stream().max(byTime));
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
