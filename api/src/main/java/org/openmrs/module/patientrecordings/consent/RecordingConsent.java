/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.Attestation;
import org.openmrs.module.patientrecordings.policy.ConsentFact;
import org.openmrs.module.patientrecordings.policy.ConsentGiver;
import org.openmrs.module.patientrecordings.policy.ConsentTerms;

/**
 * A patient's consent to being recorded, with its full decision history. Immutable: each decision makes a new
 * value with one more event; nothing is ever edited away.
 *
 * @param id never null
 * @param patient whose consent it is
 * @param encounter the encounter it was sought in, or null
 * @param site where it was sought
 * @param terms what the patient was told (CON-2)
 * @param attestation what the clinician attests they told the patient (CON-3)
 * @param giver who decided, on what authority (CON-12)
 * @param history the decisions, oldest first; never empty; the first is GIVEN or WITHHELD
 * @param version optimistic-locking version, 0 when new
 */
public record RecordingConsent(
        ConsentId id,
        PatientId patient,
        EncounterId encounter,
        SiteId site,
        ConsentTerms terms,
        Attestation attestation,
        ConsentGiver giver,
        List<ConsentEvent> history,
        long version) {

    /** A consent the patient decided themself. */
    public RecordingConsent(
            ConsentId id,
            PatientId patient,
            EncounterId encounter,
            SiteId site,
            ConsentTerms terms,
            Attestation attestation,
            List<ConsentEvent> history,
            long version) {
        this(id, patient, encounter, site, terms, attestation, ConsentGiver.PATIENT, history, version);
    }

    public RecordingConsent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(attestation, "attestation");
        Objects.requireNonNull(giver, "giver");
        history = List.copyOf(history);
        if (history.isEmpty() || history.get(0).type().resultingState() == null) {
            throw new IllegalArgumentException("a consent's history starts with it being given or withheld");
        }
    }

    /** The state in force: that of the latest state-changing decision. */
    public ConsentState state() {
        return stateEvent().type().resultingState();
    }

    /** The facts the rules engine reads. */
    public ConsentFact fact() {
        return new ConsentFact(
                id, terms.kinds(), terms.purposes(), state(), stateEvent().at());
    }

    /**
     * The facts as they bear on one recording: when the patient refused after that recording (CON-7), for it the
     * consent counts as withdrawn at the instant of the refusal; otherwise {@link #fact()}.
     */
    public ConsentFact factFor(RecordingId recording) {
        return history.stream()
                .filter(e -> e.type() == ConsentEventType.REFUSED_AFTER_RECORDING && recording.equals(e.recording()))
                .reduce((first, second) -> second)
                .filter(refusal -> state() == ConsentState.GIVEN)
                .map(refusal ->
                        new ConsentFact(id, terms.kinds(), terms.purposes(), ConsentState.WITHDRAWN, refusal.at()))
                .orElseGet(this::fact);
    }

    /**
     * This consent with one more decision.
     *
     * @throws RuleViolationException LIF-1 when the decision does not follow from the state (only a consent given
     *     can be withdrawn, and confirmed or refused after a recording)
     */
    public RecordingConsent with(ConsentEvent event) {
        boolean given = state() == ConsentState.GIVEN;
        boolean allowed = switch (event.type()) {
            case WITHDRAWN, CONFIRMED_AFTER_RECORDING, REFUSED_AFTER_RECORDING -> given;
            case SUPERSEDED -> given || state() == ConsentState.WITHHELD;
            case GIVEN, WITHHELD -> false;
        };
        if (!allowed) {
            throw RuleViolationException.of(
                    ErrorCode.LIF_1, "A consent that is " + state() + " cannot be " + event.type(), "status");
        }
        List<ConsentEvent> more = new ArrayList<>(history);
        more.add(event);
        return new RecordingConsent(id, patient, encounter, site, terms, attestation, giver, more, version);
    }

    /** The decision this consent began with: GIVEN or WITHHELD. */
    public ConsentEventType decision() {
        return history.get(0).type();
    }

    /** The consent that replaced this one, or null while it has not been superseded. */
    public ConsentId successor() {
        return history.stream()
                .map(ConsentEvent::successor)
                .filter(Objects::nonNull)
                .reduce((first, second) -> second)
                .orElse(null);
    }

    /** @return true when this consent is about exactly these kinds and purposes: a later decision on them replaces it */
    public boolean sameScope(ConsentTerms other) {
        return terms.kinds().equals(other.kinds()) && terms.purposes().equals(other.purposes());
    }

    private ConsentEvent stateEvent() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).type().resultingState() != null) {
                return history.get(i);
            }
        }
        throw new IllegalStateException("unreachable: the first event always changes state");
    }
}
