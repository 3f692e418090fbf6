/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.policy.CompletionPolicy;
import org.openmrs.module.patientrecordings.policy.ConfirmationRequest;
import org.openmrs.module.patientrecordings.policy.ConsentDecisionRequest;
import org.openmrs.module.patientrecordings.policy.ConsentFact;
import org.openmrs.module.patientrecordings.policy.ConsentPolicy;
import org.openmrs.module.patientrecordings.policy.PatientFacts;
import org.openmrs.module.patientrecordings.policy.Privileges;
import org.openmrs.module.patientrecordings.policy.RecordEntryPolicy;
import org.openmrs.module.patientrecordings.policy.RecordingFacts;
import org.openmrs.module.patientrecordings.policy.WithdrawalPlanner;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;
import org.openmrs.module.patientrecordings.port.PatientDirectory;
import org.openmrs.module.patientrecordings.recording.PatientConsents;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.site.SitePolicyRepository;

/**
 * Consent decisions: given, withheld, withdrawn, confirmed or refused after a recording. Each is checked by the
 * rules, appended to the consent's history, written into the patient's record (CON-8) and audited.
 */
public final class ConsentService implements PatientConsents {

    private final ConsentRepository consents;
    private final StoredPatientConsents stored;
    private final RecordingRepository recordings;
    private final RecordingService recordingService;
    private final SitePolicyRepository sitePolicies;
    private final PatientDirectory patients;
    private final ConsentNotes notes;
    private final AccessGuard guard;

    public ConsentService(
            ConsentRepository consents,
            RecordingRepository recordings,
            RecordingService recordingService,
            SitePolicyRepository sitePolicies,
            PatientDirectory patients,
            ClinicalNotes notes,
            AccessGuard guard) {
        this.consents = Objects.requireNonNull(consents, "consents");
        this.stored = new StoredPatientConsents(consents);
        this.recordings = Objects.requireNonNull(recordings, "recordings");
        this.recordingService = Objects.requireNonNull(recordingService, "recordingService");
        this.sitePolicies = Objects.requireNonNull(sitePolicies, "sitePolicies");
        this.patients = Objects.requireNonNull(patients, "patients");
        this.notes = new ConsentNotes(notes);
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** The consent facts of a patient, for the recording rules. */
    @Override
    public List<ConsentFact> of(PatientId patient) {
        return stored.of(patient);
    }

    /** The consent facts as they bear on one recording: a refusal after it counts as a withdrawal (CON-7). */
    @Override
    public List<ConsentFact> bearingOn(PatientId patient, RecordingId recording) {
        return stored.bearingOn(patient, recording);
    }

    @Override
    public Both both(PatientId patient, RecordingId recording) {
        return stored.both(patient, recording);
    }

    /** CON-1, CON-2, CON-3, CON-8, CON-11: records a consent given. */
    public Decided give(ConsentCommand command) {
        return decide(command, ConsentState.GIVEN);
    }

    /** CON-4, CON-8: records a consent withheld (a refusal), never just an absence. */
    public Decided withhold(ConsentCommand command) {
        return decide(command, ConsentState.WITHHELD);
    }

    /**
     * CON-5, CON-6, CON-8: withdraws a consent. A recording in progress under it stops at once and is sealed for
     * destruction; one made only for secondary purposes is sealed for destruction; one that is part of the clinical
     * record stays, and its secondary uses end.
     */
    public Withdrawn withdraw(ConsentId id, String comment) {
        Actor actor = guard.actor();
        Instant now = guard.now();
        RecordingConsent consent = existing(id);
        Subject subject = Subject.of(actor, AuditAction.CONSENT_DECISION, consent.patient(), null)
                .withDetail("consent withdrawn");
        guard.enforce(Decision.of(Privileges.check(actor, Privilege.MANAGE_CONSENT)), subject);
        List<ConsentFact> remaining = consents.findByPatient(consent.patient()).stream()
                .filter(c -> !c.id().equals(id))
                .map(RecordingConsent::fact)
                .toList();
        List<Recording> affected = recordings.findByPatient(consent.patient());
        List<RecordingFacts> facts =
                affected.stream().map(recordingService::facts).toList();
        List<WithdrawalPlanner.Effect> plan = WithdrawalPlanner.plan(consent.fact(), remaining, facts, now);
        // The history names the recording the withdrawal stopped, if one was in progress (CON-5).
        RecordingId stopped = plan.stream()
                .filter(e -> e.action() == WithdrawalPlanner.Action.STOP_AND_SEAL)
                .map(WithdrawalPlanner.Effect::recording)
                .findFirst()
                .orElse(null);
        RecordingConsent withdrawn =
                consent.with(new ConsentEvent(ConsentEventType.WITHDRAWN, now, actor.user(), stopped, comment));
        List<Recording> changed = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Recording updated = apply(affected.get(i), plan.get(i), now);
            if (updated != affected.get(i)) {
                changed.add(updated);
                described.add(describe(plan.get(i)));
            }
        }
        // CON-8: the note goes into the encounter of the recording the withdrawal stopped, else the consent's own.
        EncounterId encounter = affected.stream()
                .filter(r -> r.id().equals(stopped) && r.encounter() != null)
                .map(Recording::encounter)
                .findFirst()
                .orElse(consent.encounter());
        notes.withdrawal(withdrawn, encounter, actor.user(), now, comment, described);
        RecordingConsent saved = consents.save(withdrawn);
        List<Recording> savedRecordings = changed.stream().map(recordings::save).toList();
        guard.record(subject);
        return new Withdrawn(saved, plan, savedRecordings);
    }

    /**
     * CON-7, CON-8: the patient's answer after a clinician recording. Confirmed: the recording may serve all its
     * purposes. Refused: it counts as a withdrawal for that recording (CON-6).
     */
    public Recording confirmAfterRecording(
            RecordingId recordingId, boolean confirmed, boolean viewed, Boolean toldWhatTheyWouldSee, String comment) {
        Actor actor = guard.actor();
        Instant now = guard.now();
        Recording recording = recordingService.known(recordingId);
        Subject subject = Subject.of(actor, AuditAction.CONSENT_DECISION, recording.patient(), recordingId)
                .withDetail(confirmed ? "confirmed after recording" : "refused after recording");
        guard.enforce(
                CompletionPolicy.decide(new ConfirmationRequest(
                        actor, recordingService.facts(recording), confirmed, viewed, toldWhatTheyWouldSee)),
                subject);
        RecordingConsent consent = recording.consent() == null ? null : existing(recording.consent());
        Recording answered = confirmed ? confirmedRecording(recording) : refusedRecording(recording);
        // CON-8: the answer is written in the recording's encounter, beside its contemporaneous notes.
        notes.afterRecording(
                recording.patient(), recording.encounter(), recordingId, confirmed, actor.user(), now, comment);
        if (consent != null) {
            ConsentEventType type =
                    confirmed ? ConsentEventType.CONFIRMED_AFTER_RECORDING : ConsentEventType.REFUSED_AFTER_RECORDING;
            consents.save(consent.with(new ConsentEvent(type, now, actor.user(), recordingId, comment)));
        }
        Recording saved = recordings.save(answered);
        guard.record(subject);
        return saved;
    }

    /**
     * REC-1: a consent decision is never deleted; the refusal is audited.
     *
     * @throws RuleViolationException always: NF-1 for an unknown consent, otherwise REC-1
     */
    public void delete(ConsentId id) {
        Actor actor = guard.actor();
        RecordingConsent consent = existing(id);
        guard.enforce(
                RecordEntryPolicy.deleteConsent(),
                Subject.of(actor, AuditAction.REFUSED, consent.patient(), null).withDetail("delete consent " + id));
    }

    /** A consent with its history, to users who manage consent or view recordings. */
    public RecordingConsent read(ConsentId id) {
        Actor actor = guard.actor();
        RecordingConsent consent = existing(id);
        guard.permit(
                Decision.of(Privileges.check(actor, Privilege.VIEW_RECORDINGS)),
                Subject.of(actor, AuditAction.VIEW, consent.patient(), null).withDetail("consent " + id));
        return consent;
    }

    /** The patient's consents with their histories. */
    public List<RecordingConsent> forPatient(PatientId patient) {
        Actor actor = guard.actor();
        guard.permit(
                Decision.of(Privileges.check(actor, Privilege.VIEW_RECORDINGS)),
                Subject.of(actor, AuditAction.SEARCH, patient, null).withDetail("consents"));
        return consents.findByPatient(patient);
    }

    private Decided decide(ConsentCommand command, ConsentState decision) {
        Actor actor = guard.actor();
        Instant now = guard.now();
        Subject subject = Subject.of(actor, AuditAction.CONSENT_DECISION, command.patient(), null)
                .withDetail("consent " + decision.name().toLowerCase(Locale.ROOT));
        if (!recordingService.knownSite(command.site())) {
            guard.enforce(
                    RuleViolationException.of(ErrorCode.SAF_4, "Unknown site " + command.site(), "site")
                            .decision(),
                    subject);
        }
        // POL-1: the site's own policy, or the server's default while it has none.
        var site = sitePolicies.inForce(command.site());
        var known = patients.find(command.patient());
        PatientFacts patient = new PatientFacts(command.patient(), known.isPresent(), false);
        Decision verdict = guard.enforce(
                ConsentPolicy.decide(new ConsentDecisionRequest(
                        actor,
                        patient,
                        decision,
                        command.terms(),
                        command.attestation(),
                        site,
                        command.giver(),
                        known.map(PatientDirectory.Patient::birthDate).orElse(null),
                        LocalDate.ofInstant(now, ZoneOffset.UTC))),
                subject);
        ConsentEventType type = decision == ConsentState.GIVEN ? ConsentEventType.GIVEN : ConsentEventType.WITHHELD;
        RecordingConsent consent = new RecordingConsent(
                ConsentId.random(),
                command.patient(),
                command.encounter(),
                command.site(),
                command.terms(),
                command.attestation(),
                command.giver(),
                List.of(new ConsentEvent(type, now, actor.user(), null, command.comment())),
                0);
        // A later decision on the same kinds and purposes replaces the earlier ones still in force.
        List<RecordingConsent> replaced = consents.findByPatient(command.patient()).stream()
                .filter(c -> c.sameScope(command.terms()))
                .filter(c -> c.state() == ConsentState.GIVEN || c.state() == ConsentState.WITHHELD)
                .toList();
        notes.decision(consent, type, actor.user(), now, command.comment(), replaced);
        RecordingConsent saved = consents.save(consent);
        for (RecordingConsent earlier : replaced) {
            try {
                consents.save(earlier.with(
                        new ConsentEvent(ConsentEventType.SUPERSEDED, now, actor.user(), null, null, saved.id())));
            } catch (RuleViolationException e) {
                // A concurrent decision on the same scope superseded it first; this decision stands all the same.
                if (!e.decision().codes().contains(ErrorCode.VER_1)) {
                    throw e;
                }
            }
        }
        guard.record(subject);
        return new Decided(saved, verdict.warnings());
    }

    private Recording apply(Recording recording, WithdrawalPlanner.Effect effect, Instant now) {
        return switch (effect.action()) {
            case NONE -> recording;
            case STOP_AND_SEAL ->
                recording.withState(RecordingState.SEALED).toBuilder()
                        .endedAt(now)
                        .build()
                        .flagged(RecordingFlag.WITHDRAWN_DURING_RECORDING);
            case SEAL_FOR_DESTRUCTION -> recording.withState(RecordingState.SEALED);
            case END_SECONDARY_USES ->
                recording.toBuilder().purposes(effect.remainingPurposes()).build();
        };
    }

    private static String describe(WithdrawalPlanner.Effect effect) {
        return switch (effect.action()) {
            case NONE -> "recording " + effect.recording() + " unchanged";
            case STOP_AND_SEAL ->
                "recording " + effect.recording()
                        + " stopped at once and sealed for destruction; nothing after the withdrawal is kept";
            case SEAL_FOR_DESTRUCTION ->
                "recording " + effect.recording()
                        + " made only for secondary purposes sealed for destruction"
                        + (effect.destructionDeferredByHold() ? " (deferred by a legal hold)" : "");
            case END_SECONDARY_USES ->
                "recording " + effect.recording() + " stays in the clinical record; its secondary uses end";
        };
    }

    private static Recording confirmedRecording(Recording recording) {
        RecordingState next =
                recording.hasFlag(RecordingFlag.ENDED_EARLY) ? RecordingState.STOPPED : RecordingState.COMPLETED;
        return recording.withState(next).flagged(RecordingFlag.CONFIRMED);
    }

    private static Recording refusedRecording(Recording recording) {
        if (!recording.purposes().contains(Purpose.DIRECT_CARE)) {
            return recording.withState(RecordingState.SEALED).flagged(RecordingFlag.CONFIRMATION_REFUSED);
        }
        RecordingState next =
                recording.hasFlag(RecordingFlag.ENDED_EARLY) ? RecordingState.STOPPED : RecordingState.COMPLETED;
        return recording.withState(next).toBuilder()
                .purposes(Set.of(Purpose.DIRECT_CARE))
                .build()
                .flagged(RecordingFlag.CONFIRMATION_REFUSED);
    }

    private RecordingConsent existing(ConsentId id) {
        return consents.find(id).orElseThrow(() -> RuleViolationException.of(ErrorCode.NF_1, "No consent " + id, "id"));
    }

    /**
     * A consent recorded, with the warnings the clinician must see (CON-11).
     *
     * @param consent the stored consent
     * @param warnings never null
     */
    public record Decided(RecordingConsent consent, List<Reason> warnings) {
        public Decided {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * A withdrawal and what it did.
     *
     * @param consent the consent, now withdrawn
     * @param plan the effect on each of the patient's recordings
     * @param changed the recordings that changed, as stored
     */
    public record Withdrawn(RecordingConsent consent, List<WithdrawalPlanner.Effect> plan, List<Recording> changed) {
        public Withdrawn {
            plan = List.copyOf(plan);
            changed = List.copyOf(changed);
        }
    }
}
