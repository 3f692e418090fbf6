/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingState;

/**
 * Works out what a withdrawal of consent does to each recording it governed (CON-5, CON-6). Pure: the services
 * carry the plan out.
 */
public final class WithdrawalPlanner {

    private WithdrawalPlanner() {}

    /**
     * Plans the effects of withdrawing {@code withdrawn}.
     *
     * @param withdrawn the consent as it was before the withdrawal (its kinds and purposes)
     * @param remaining the patient's other consents, which may still cover some purposes
     * @param recordings the recordings that consent governed
     * @param at the withdrawal instant: nothing captured after it is kept
     * @return one effect per recording, in the order given
     */
    public static List<Effect> plan(
            ConsentFact withdrawn, List<ConsentFact> remaining, List<RecordingFacts> recordings, Instant at) {
        Objects.requireNonNull(at, "at");
        return recordings.stream()
                .map(rec -> effectOn(withdrawn, remaining, rec))
                .toList();
    }

    private static Effect effectOn(ConsentFact withdrawn, List<ConsentFact> remaining, RecordingFacts rec) {
        Set<Purpose> lost = new HashSet<>();
        if (withdrawn.kinds().contains(rec.kind())) {
            rec.purposes().stream()
                    .filter(withdrawn.purposes()::contains)
                    .filter(p -> !ConsentCoverage.given(remaining, rec.kind(), p))
                    .filter(p -> !(p.equals(Purpose.DIRECT_CARE) && keepsDirectCare(rec)))
                    .forEach(lost::add);
        }
        Set<Purpose> kept = new HashSet<>(rec.purposes());
        kept.removeAll(lost);
        if (lost.isEmpty() || rec.state() == RecordingState.DESTROYED || rec.state() == RecordingState.SEALED) {
            return new Effect(rec.id(), Action.NONE, rec.purposes(), false);
        }
        if (rec.state() == RecordingState.IN_PROGRESS || rec.state() == RecordingState.REQUESTED) {
            return new Effect(rec.id(), Action.STOP_AND_SEAL, Set.of(), rec.underLegalHold());
        }
        if (!kept.isEmpty()) {
            return new Effect(rec.id(), Action.END_SECONDARY_USES, kept, false);
        }
        return new Effect(rec.id(), Action.SEAL_FOR_DESTRUCTION, Set.of(), rec.underLegalHold());
    }

    /**
     * Once made, a direct-care recording is part of the clinical record and stays (CON-6); so does one whose
     * making needed no separate consent (CON-9). Only a recording still being captured loses direct care (CON-5).
     */
    private static boolean keepsDirectCare(RecordingFacts rec) {
        boolean capturing = rec.state() == RecordingState.IN_PROGRESS || rec.state() == RecordingState.REQUESTED;
        return rec.kind().implicitConsent() || !capturing;
    }

    /** What happens to one recording. */
    public enum Action {
        /** Nothing it serves depended on the withdrawn consent. */
        NONE,
        /** CON-5: withdrawn during the recording: stop at once, keep nothing after the instant, seal, destroy. */
        STOP_AND_SEAL,
        /**
         * CON-6: part of the clinical record, or still covered by another consent: it stays with the purposes left;
         * the uses that depended on the withdrawn consent end.
         */
        END_SECONDARY_USES,
        /** CON-6: made only for secondary purposes: sealed and destroyed, with a destruction-register entry. */
        SEAL_FOR_DESTRUCTION
    }

    /**
     * The effect on one recording.
     *
     * @param recording which one
     * @param action what to do
     * @param remainingPurposes the purposes it may still serve
     * @param destructionDeferredByHold true when a legal hold defers the destruction (REC-5)
     */
    public record Effect(
            RecordingId recording, Action action, Set<Purpose> remainingPurposes, boolean destructionDeferredByHold) {

        public Effect {
            remainingPurposes = Set.copyOf(remainingPurposes);
        }
    }
}
