/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.DeIdentification;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CompletionPolicy;
import org.openmrs.module.patientrecordings.policy.CompletionRequest;
import org.openmrs.module.patientrecordings.policy.ConsentFact;
import org.openmrs.module.patientrecordings.policy.CovertRecordingRules;
import org.openmrs.module.patientrecordings.policy.NoFilmingArea;
import org.openmrs.module.patientrecordings.policy.PatientFacts;
import org.openmrs.module.patientrecordings.policy.Privileges;
import org.openmrs.module.patientrecordings.policy.RecordEntryPolicy;
import org.openmrs.module.patientrecordings.policy.RecordingFacts;
import org.openmrs.module.patientrecordings.policy.SharedCopyRequest;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.StaffPresence;
import org.openmrs.module.patientrecordings.policy.StartRecordingPolicy;
import org.openmrs.module.patientrecordings.policy.StartRecordingRequest;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.policy.UsePolicy;
import org.openmrs.module.patientrecordings.policy.UseRequest;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;
import org.openmrs.module.patientrecordings.port.EncounterDirectory;
import org.openmrs.module.patientrecordings.port.PatientDirectory;
import org.openmrs.module.patientrecordings.port.SiteDirectory;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.register.RegisterQueries;
import org.openmrs.module.patientrecordings.register.SitePolicyBreach;
import org.openmrs.module.patientrecordings.site.SitePolicyRepository;

/**
 * The recording workflow: start, upload, stop, complete, void; use and search under the rules. Every refusal names
 * every failed rule and is audited; every access is audited before anything is returned.
 */
public final class RecordingService {

    private final RecordingRepository recordings;
    private final PatientConsents consents;
    private final SitePolicyRepository sitePolicies;
    private final SiteDirectory sites;
    private final RegisterQueries registers;
    private final PatientDirectory patients;
    private final EncounterDirectory encounters;
    private final ClinicalNotes notes;
    private final RecordingRetention retention;
    private final AccessGuard guard;

    public RecordingService(
            RecordingRepository recordings,
            PatientConsents consents,
            SitePolicyRepository sitePolicies,
            SiteDirectory sites,
            RegisterQueries registers,
            PatientDirectory patients,
            EncounterDirectory encounters,
            ClinicalNotes notes,
            RecordingRetention retention,
            AccessGuard guard) {
        this.recordings = Objects.requireNonNull(recordings, "recordings");
        this.consents = Objects.requireNonNull(consents, "consents");
        this.sitePolicies = Objects.requireNonNull(sitePolicies, "sitePolicies");
        this.sites = Objects.requireNonNull(sites, "sites");
        this.registers = Objects.requireNonNull(registers, "registers");
        this.patients = Objects.requireNonNull(patients, "patients");
        this.encounters = Objects.requireNonNull(encounters, "encounters");
        this.notes = Objects.requireNonNull(notes, "notes");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * Starts a recording, or adds a patient's shared copy (PAT-2), when every rule allows it.
     *
     * @throws RuleViolationException naming every failed rule
     */
    public Started start(StartCommand command) {
        Actor actor = guard.actor();
        Instant now = guard.now();
        Subject subject = Subject.of(actor, AuditAction.CREATE, command.patient(), null);
        checkEncounter(command, subject);
        if (sites.find(command.site()).isEmpty()) {
            guard.enforce(
                    RuleViolationException.of(ErrorCode.SAF_4, "Unknown site " + command.site(), "site")
                            .decision(),
                    subject);
        }
        String family = command.mediaType().name().toLowerCase(Locale.ROOT) + "/";
        if (command.declaredContentType() != null
                && !command.declaredContentType().startsWith(family)) {
            guard.enforce(
                    RuleViolationException.of(
                                    ErrorCode.SAF_4,
                                    "A " + family.substring(0, family.length() - 1) + " recording has content of type "
                                            + family + "*, not " + command.declaredContentType(),
                                    "content.contentType")
                            .decision(),
                    subject);
        }
        // POL-1: the site's own policy, or the server's default while it has none.
        SitePolicy site = sitePolicies.inForce(command.site());
        List<ConsentFact> patientConsents = consents.of(command.patient());
        StartRecordingRequest request = request(command, actor, site, patientConsents, now);
        Decision decision = command.sharedCopy() == null
                ? StartRecordingPolicy.decide(request)
                : StartRecordingPolicy.decide(new SharedCopyRequest(
                        request,
                        command.sharedCopy().receivedOn(),
                        command.sharedCopy().howObtained()));
        guard.enforce(decision, subject);
        Recording recording = recordings.save(newRecording(command, actor, site, patientConsents, decision, now));
        if (recording.hasFlag(RecordingFlag.NO_FILMING_AREA_BREACH)) {
            recordBreach(recording, site, actor, now);
        }
        guard.record(subject.withDetail(describe(decision.warnings())).forRecording(recording.id()));
        return new Started(recording, decision.warnings());
    }

    /**
     * SEC-3: starts an anonymised derivative of a recording: its own recording, linked to its source and marked
     * de-identified, in progress until its content (made by whoever de-identifies it) is uploaded and it is
     * completed. A derivative may then serve secondary purposes without the patient's consent (SEC-1); making one
     * needs to see the source, so sealed, destroyed and (for the unprivileged) covert sources are refused.
     *
     * @param source the identifiable recording
     * @param purposes the secondary purposes the derivative is made for; at least one
     * @param deIdentification how its content is de-identified, which the derivative keeps and shows
     * @throws RuleViolationException naming every failed rule
     */
    public Started startAnonymisedDerivative(
            RecordingId source, Set<Purpose> purposes, DeIdentification deIdentification) {
        Actor actor = guard.actor();
        Recording original = known(source);
        Subject subject = Subject.of(actor, AuditAction.ANONYMISE, original.patient(), source)
                .withDetail("anonymised derivative started");
        List<Reason> reasons = new ArrayList<>(Privileges.check(actor, Privilege.CREATE_RECORDINGS));
        reasons.addAll(UsePolicy.decide(useRequest(actor, original, UseContext.directCare(UseAction.COPY)))
                .reasons());
        if (purposes == null || purposes.isEmpty()) {
            reasons.add(Reason.error(ErrorCode.SAF_4, "A derivative is made for at least one purpose", "purpose"));
        } else {
            purposes.stream()
                    .filter(p -> !p.secondary())
                    .forEach(p -> reasons.add(Reason.error(
                            ErrorCode.SEC_3, "A derivative serves secondary purposes, not " + p, "purpose")));
        }
        if (deIdentification == null) {
            reasons.add(Reason.error(ErrorCode.SAF_4, "Say how the derivative is de-identified", "deIdentification"));
        }
        if (original.derivativeOf() != null) {
            reasons.add(Reason.error(
                    ErrorCode.SEC_3, "The source is itself a derivative; derive from the original", "source"));
        }
        guard.enforce(Decision.of(reasons), subject);
        Recording derivative = recordings.save(Recording.builder()
                .id(RecordingId.random())
                .patient(original.patient())
                .encounter(original.encounter())
                .site(original.site())
                .policyVersion(original.policyVersion())
                .defaultPolicy(original.defaultPolicy())
                .kind(original.kind())
                .mediaType(original.mediaType())
                .initiator(Initiator.CLINICIAN)
                // COV-2: derived from a covert recording, and linked to it, it is as hidden as its source.
                .mode(original.mode())
                .purposes(purposes)
                .operator(actor.user())
                .state(RecordingLifecycle.transition(RecordingState.REQUESTED, RecordingState.IN_PROGRESS))
                .startedAt(guard.now())
                .derivativeOf(source)
                .deIdentification(deIdentification)
                .retentionUntil(original.retentionUntil())
                .build());
        guard.record(subject.forRecording(derivative.id())
                .withDetail("anonymised derivative of " + source + ", " + deIdentification.name()));
        return new Started(derivative, List.of());
    }

    /** Records the stored content of a recording being captured or uploaded. */
    public Recording attachContent(RecordingId id, RecordedContent content) {
        Actor actor = guard.actor();
        Recording recording = known(id);
        Subject subject =
                Subject.of(actor, AuditAction.UPDATE, recording.patient(), id).withDetail("content stored");
        guard.enforce(Decision.of(Privileges.check(actor, Privilege.CREATE_RECORDINGS)), subject);
        Objects.requireNonNull(content, "content");
        if (!recording.fitsDeclaredType(content.contentType())) {
            guard.enforce(
                    RuleViolationException.of(
                                    ErrorCode.SAF_4,
                                    declaredTypeProblem(recording, content.contentType()),
                                    "Content-Type")
                            .decision(),
                    subject);
        }
        if (recording.state() != RecordingState.IN_PROGRESS) {
            guard.enforce(
                    RuleViolationException.of(
                                    ErrorCode.LIF_1,
                                    "Content can be added only while the recording is in progress, not "
                                            + recording.state().label(),
                                    "status")
                            .decision(),
                    subject);
        }
        Recording saved = recordings.save(recording.toBuilder().content(content).build());
        guard.record(subject);
        return saved;
    }

    /**
     * SAF-4: what is wrong with content of a type that contradicts the type the client declared when it started the
     * recording.
     */
    public static String declaredTypeProblem(Recording recording, String contentType) {
        return "The recording was started for content of type " + recording.declaredContentType() + ", not "
                + contentType;
    }

    /** Ends a recording early. A clinician recording then awaits the patient's confirmation (CON-7). */
    public Recording stop(RecordingId id) {
        return end(id, true);
    }

    /**
     * Completes a recording: refused or flagged without a contemporaneous note (REC-3); a clinician recording then
     * awaits the patient's confirmation (CON-7).
     */
    public Started complete(RecordingId id) {
        Actor actor = guard.actor();
        Recording recording = known(id);
        SitePolicy site = policyOf(recording);
        boolean hasNote = recording.encounter() != null && notes.hasNote(recording.encounter());
        Subject subject =
                Subject.of(actor, AuditAction.UPDATE, recording.patient(), id).withDetail("completed");
        Decision decision = guard.enforce(
                CompletionPolicy.decide(new CompletionRequest(actor, facts(recording), hasNote, site)), subject);
        Recording ended = endedState(recording, false);
        if (decision.codes().contains(ErrorCode.REC_3)) {
            ended = ended.flagged(RecordingFlag.NOTE_MISSING);
        }
        Recording saved = recordings.save(retention.assign(ended));
        guard.record(subject.withDetail(describe(decision.warnings())));
        return new Started(saved, decision.warnings());
    }

    /**
     * REC-3: clears the missing-note flag of the recordings of an encounter once it has a note.
     *
     * @return the recordings that were cleared
     */
    public List<Recording> noteWritten(RecordingId id) {
        Actor actor = guard.actor();
        Recording recording = known(id);
        Subject subject =
                Subject.of(actor, AuditAction.UPDATE, recording.patient(), id).withDetail("note written");
        guard.enforce(Decision.of(Privileges.check(actor, Privilege.CREATE_RECORDINGS)), subject);
        if (!recording.hasFlag(RecordingFlag.NOTE_MISSING)
                || recording.encounter() == null
                || !notes.hasNote(recording.encounter())) {
            return List.of();
        }
        Recording saved = recordings.save(recording.unflagged(RecordingFlag.NOTE_MISSING));
        guard.record(subject);
        return List.of(saved);
    }

    /**
     * REC-1: voids a recording entered in error (e.g. wrong patient). The content is kept for the retention period.
     */
    public Recording voidRecording(RecordingId id, String reason) {
        Actor actor = guard.actor();
        Recording recording = known(id);
        Subject subject =
                Subject.of(actor, AuditAction.VOID, recording.patient(), id).withDetail("voided");
        guard.enforce(RecordEntryPolicy.voiding(actor, reason), subject);
        Recording voided = recording.withState(RecordingState.VOIDED).toBuilder()
                .voidReason(reason)
                .build();
        if (recording.mode() != RecordingMode.COVERT) {
            // COV-2: every clinician reads the patient's notes; a covert recording's void stays in the audit trail.
            notes.append(new ClinicalNotes.Note(
                    recording.patient(),
                    recording.encounter(),
                    actor.user(),
                    guard.now(),
                    "Recording " + id + " voided as entered in error. Reason: " + reason
                            + ". Its content is kept for the retention period."));
        }
        Recording saved = recordings.save(voided);
        guard.record(subject);
        return saved;
    }

    /** REC-1: a recording is never deleted. Always refused, and the attempt audited. */
    public void delete(RecordingId id) {
        Actor actor = guard.actor();
        Recording recording = known(id);
        guard.enforce(
                RecordEntryPolicy.delete(),
                Subject.of(actor, AuditAction.REFUSED, recording.patient(), id).withDetail("delete"));
    }

    /**
     * Reads a recording for a use, when the rules allow it; audited before it is returned (SAF-2).
     *
     * @throws RuleViolationException naming every failed rule; NF-1 when it does not exist
     */
    public Recording use(RecordingId id, UseContext context) {
        return use(id, context, "").recording();
    }

    /**
     * Reads a recording for a use exactly as {@link #use} does, and returns with it what the rules weighed about its
     * patient, so that the recording can be shown without reading them again.
     *
     * @throws RuleViolationException naming every failed rule; NF-1 when it does not exist
     */
    public Viewed view(RecordingId id, UseContext context) {
        return use(id, context, "");
    }

    /**
     * A recording read for a use, with its patient's consents and legal holds as the access check read them.
     *
     * @param recording the recording (or the version asked for)
     * @param consents the patient's consents as recorded ({@link PatientConsents#of})
     * @param holdsInForce the legal holds covering the patient's recordings when it was read (REC-5)
     */
    public record Viewed(Recording recording, List<ConsentFact> consents, List<LegalHold> holdsInForce) {
        public Viewed {
            Objects.requireNonNull(recording, "recording");
            consents = List.copyOf(consents);
            holdsInForce = List.copyOf(holdsInForce);
        }
    }

    private Viewed use(RecordingId id, UseContext context, String what) {
        Actor actor = guard.actor();
        Recording recording = known(id);
        List<LegalHold> holds = registers.holdsInForce(recording.patient(), guard.now());
        PatientConsents.Both patientConsents = consents.both(recording.patient(), recording.id());
        String authority = context.authority() == null ? "" : "authority " + context.authority();
        guard.permit(
                UsePolicy.decide(useRequest(
                        actor, recording, context, recording.facts(!holds.isEmpty()), patientConsents.bearingOn())),
                new Subject(
                        actor,
                        auditAction(context),
                        recording.patient(),
                        id,
                        context.purpose(),
                        what.isEmpty() || authority.isEmpty() ? what + authority : what + "; " + authority));
        return new Viewed(recording, patientConsents.asRecorded(), holds);
    }

    /**
     * Reads one version of a recording for a use: allowed and audited exactly as {@link #use} is, on the recording as
     * it stands now (a recording sealed since, or covert, is refused as its current version would be), before the
     * version is returned (SAF-2).
     *
     * @throws RuleViolationException naming every failed rule; NF-1 when the recording or the version does not exist
     */
    public Recording useVersion(RecordingId id, long version, UseContext context) {
        return viewVersion(id, version, context).recording();
    }

    /**
     * Reads one version of a recording for a use exactly as {@link #useVersion} does, with what the rules weighed about
     * its patient (see {@link #view}).
     *
     * @throws RuleViolationException naming every failed rule; NF-1 when the recording or the version does not exist
     */
    public Viewed viewVersion(RecordingId id, long version, UseContext context) {
        Viewed current = use(id, context, "version " + version);
        if (version == current.recording().version()) {
            return current;
        }
        Recording older = recordings
                .findVersion(id, version)
                .orElseThrow(() -> RuleViolationException.of(
                        ErrorCode.NF_1, "Recording " + id + " has no version " + version, "version"));
        return new Viewed(older, current.consents(), current.holdsInForce());
    }

    /**
     * Every version of a recording, newest first, for a use: allowed and audited exactly as {@link #use} is, once,
     * before anything is returned (SAF-2).
     *
     * @throws RuleViolationException naming every failed rule; NF-1 when it does not exist
     */
    public List<Recording> history(RecordingId id, UseContext context) {
        Recording current = use(id, context, "history").recording();
        List<Recording> versions = recordings.history(id);
        return versions.isEmpty() ? List.of(current) : versions;
    }

    /**
     * The patient's recordings the user may see for direct care: covert ones only for the privileged (COV-2);
     * sealed and destroyed ones never. Each one returned is audited as a search hit (SAF-2).
     */
    public List<Recording> findForPatient(PatientId patient) {
        List<Recording> visible = searchForPatient(patient);
        recordSearchHits(patient, visible);
        return visible;
    }

    /**
     * The patient's recordings the user may see in a search, not yet audited: for a caller that returns only some of
     * them (a page), and records exactly those with {@link #recordSearchHits} before it hands them out (SAF-2). A
     * user without the privilege to view recordings is refused, and the refusal audited (SAF-3).
     */
    public List<Recording> searchForPatient(PatientId patient) {
        Actor actor = guard.actor();
        guard.enforce(
                Decision.of(Privileges.check(actor, Privilege.VIEW_RECORDINGS)),
                Subject.of(actor, AuditAction.SEARCH, patient, null));
        return recordings.findByPatient(patient).stream()
                .filter(r -> visibleTo(actor, r))
                .toList();
    }

    /**
     * Records the hits of a patient search that are about to be returned, each as a search access, all in one write
     * (SAF-2). Throws when they cannot be recorded; the caller must then return none of them.
     *
     * @param returned the recordings returned, from {@link #searchForPatient} of the same patient
     */
    public void recordSearchHits(PatientId patient, List<Recording> returned) {
        Actor actor = guard.actor();
        guard.recordAll(returned.stream()
                .map(r -> Subject.of(actor, AuditAction.SEARCH, patient, r.id()))
                .toList());
    }

    /** Whether a recording may appear in the user's searches at all. */
    public static boolean visibleTo(Actor actor, Recording recording) {
        if (recording.mode() == RecordingMode.COVERT && !actor.has(Privilege.AUTHORISE_COVERT)) {
            return false;
        }
        return recording.state() != RecordingState.SEALED && recording.state() != RecordingState.DESTROYED;
    }

    /** REC-3: recordings completed without a note, still waiting for one. */
    public List<Recording> withoutNote() {
        Actor actor = guard.actor();
        guard.permit(
                Decision.of(Privileges.check(actor, Privilege.VIEW_RECORDINGS)),
                Subject.of(actor, AuditAction.SEARCH, null, null).withDetail("recordings without a note"));
        return recordings.findFlagged(RecordingFlag.NOTE_MISSING).stream()
                .filter(r -> visibleTo(actor, r))
                .toList();
    }

    /** The facts of a stored recording, for the rules. */
    public RecordingFacts facts(Recording recording) {
        return recording.facts(registers.underLegalHold(recording.patient(), guard.now()));
    }

    /** Whether the host knows the site (a location in OpenMRS). */
    public boolean knownSite(SiteId site) {
        return sites.find(site).isPresent();
    }

    /** The site policy a recording was made under (POL-2). */
    public SitePolicy policyOf(Recording recording) {
        return sitePolicies
                .applied(recording.site(), recording.defaultPolicy(), recording.policyVersion())
                .orElseThrow(() -> new IllegalStateException("policy version of " + recording.id() + " is missing"));
    }

    /**
     * The recording, or NF-1, whoever asks: for the module's own work (disposal after retention), not for a user's
     * request, which goes through {@link #known}.
     */
    public Recording existing(RecordingId id) {
        return recordings.find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The recording as the current user may know of it. COV-2: a covert recording is visible only to users with the
     * covert privilege, so to anyone else it does not exist: NF-1 word for word as for an id never used, so that
     * neither a read nor an operation confirms that a covert recording has this id. The attempt is audited as a
     * refusal (SAF-3), which only auditors see.
     *
     * @throws RuleViolationException NF-1 when there is no such recording or it is hidden from the user
     */
    public Recording known(RecordingId id) {
        Recording recording = existing(id);
        Actor actor = guard.actor();
        if (recording.mode() == RecordingMode.COVERT && !actor.has(Privilege.AUTHORISE_COVERT)) {
            try {
                guard.enforce(
                        Decision.of(CovertRecordingRules.onlyPrivileged(actor)),
                        Subject.of(actor, AuditAction.REFUSED, recording.patient(), id)
                                .withDetail("covert recording, answered as unknown"));
            } catch (RuleViolationException hidden) {
                throw notFound(id);
            }
        }
        return recording;
    }

    private static RuleViolationException notFound(RecordingId id) {
        return RuleViolationException.of(ErrorCode.NF_1, "No recording " + id, "id");
    }

    private Recording end(RecordingId id, boolean early) {
        Actor actor = guard.actor();
        Recording recording = known(id);
        Subject subject =
                Subject.of(actor, AuditAction.UPDATE, recording.patient(), id).withDetail("stopped");
        guard.enforce(Decision.of(Privileges.check(actor, Privilege.CREATE_RECORDINGS)), subject);
        Recording saved = recordings.save(retention.assign(endedState(recording, early)));
        guard.record(subject);
        return saved;
    }

    private Recording endedState(Recording recording, boolean early) {
        // A de-identified derivative (SEC-3) is no longer a recording of the patient to confirm.
        RecordingState next = recording.derivativeOf() == null
                        && CompletionPolicy.needsConfirmation(recording.kind(), recording.initiator(), recording.mode())
                ? RecordingState.PENDING_CONFIRMATION
                : early ? RecordingState.STOPPED : RecordingState.COMPLETED;
        Recording ended =
                recording.withState(next).toBuilder().endedAt(guard.now()).build();
        return early ? ended.flagged(RecordingFlag.ENDED_EARLY) : ended;
    }

    private void checkEncounter(StartCommand command, Subject subject) {
        if (command.encounter() == null) {
            return;
        }
        boolean ofPatient = encounters
                .find(command.encounter())
                .filter(e -> e.patient().equals(command.patient()))
                .isPresent();
        if (!ofPatient) {
            guard.enforce(
                    RuleViolationException.of(
                                    ErrorCode.SAF_4,
                                    "Encounter " + command.encounter() + " is not an encounter of this patient",
                                    "encounter")
                            .decision(),
                    subject);
        }
    }

    private StartRecordingRequest request(
            StartCommand c, Actor actor, SitePolicy site, List<ConsentFact> patientConsents, Instant now) {
        boolean known = patients.find(c.patient()).isPresent();
        PatientFacts patient = new PatientFacts(c.patient(), known, registers.standingObjection(c.patient(), now));
        Set<UserId> present = new LinkedHashSet<>(c.staffPresent());
        if (c.initiator() == Initiator.CLINICIAN) {
            present.add(actor.user());
        }
        Set<UserId> objecting = registers.objectingStaff(present, now);
        List<StaffPresence> staff = present.stream()
                .map(u -> new StaffPresence(u, objecting.contains(u)))
                .toList();
        return new StartRecordingRequest(
                actor,
                patient,
                c.kind(),
                c.initiator(),
                c.mode(),
                c.purposes(),
                c.defenceReason(),
                site,
                patientConsents,
                staff,
                c.mode() == RecordingMode.COVERT
                        ? registers.covertAuthorisation(c.patient(), now).orElse(null)
                        : null,
                c.call(),
                c.areaCode(),
                now);
    }

    private Recording newRecording(
            StartCommand c,
            Actor actor,
            SitePolicy site,
            List<ConsentFact> patientConsents,
            Decision decision,
            Instant now) {
        Recording.Builder b = Recording.builder()
                .id(RecordingId.random())
                .patient(c.patient())
                .encounter(c.encounter())
                .site(c.site())
                .areaCode(c.areaCode())
                .policyVersion(site.version())
                .defaultPolicy(site.isServerDefault())
                .kind(c.kind())
                .mediaType(c.mediaType())
                .initiator(c.initiator())
                .mode(c.mode())
                .purposes(c.purposes())
                .operator(actor.user())
                .staffPresent(List.copyOf(c.staffPresent()))
                .consent(governingConsent(c, patientConsents))
                .state(RecordingLifecycle.transition(RecordingState.REQUESTED, RecordingState.IN_PROGRESS))
                .startedAt(now)
                .thirdParties(c.thirdParties())
                .declaredContentType(c.declaredContentType())
                .defenceReason(c.defenceReason())
                .call(
                        c.call() == null
                                ? null
                                : new CallDetails(c.call().type(), c.call().explicitNoticeGiven()))
                .sharedCopy(c.sharedCopy())
                .identifier(c.identifier());
        Recording recording = b.build();
        if (decision.codes().contains(ErrorCode.CON_11)) {
            recording = recording.flagged(RecordingFlag.DEFENSIVE_PURPOSE);
        }
        if (decision.codes().contains(ErrorCode.PAT_3)) {
            recording = recording.flagged(RecordingFlag.NO_FILMING_AREA_BREACH);
        }
        return recording;
    }

    /**
     * PAT-3: a patient's own recording made in a no-filming area goes on the register of site-policy breaches, in the
     * start's unit of work; the start's audit event carries PAT-3.
     */
    private void recordBreach(Recording recording, SitePolicy site, Actor actor, Instant now) {
        String areaName = site.noFilmingArea(recording.areaCode())
                .map(NoFilmingArea::name)
                .orElse(recording.areaCode());
        registers.recordBreach(new SitePolicyBreach(
                UUID.randomUUID().toString(),
                recording.id(),
                recording.patient(),
                recording.site(),
                recording.policyVersion(),
                recording.areaCode(),
                areaName,
                actor.user(),
                now));
    }

    /** The latest consent given that covers the kind and every purpose, if any. */
    private static ConsentId governingConsent(StartCommand c, List<ConsentFact> patientConsents) {
        return patientConsents.stream()
                .filter(f -> f.state() == ConsentState.GIVEN)
                .filter(f -> f.kinds().contains(c.kind()))
                .filter(f -> f.purposes().stream().anyMatch(c.purposes()::contains))
                .max(Comparator.comparing(ConsentFact::decidedAt))
                .map(ConsentFact::id)
                .orElse(null);
    }

    private UseRequest useRequest(Actor actor, Recording recording, UseContext context) {
        return useRequest(
                actor, recording, context, facts(recording), consents.bearingOn(recording.patient(), recording.id()));
    }

    private UseRequest useRequest(
            Actor actor,
            Recording recording,
            UseContext context,
            RecordingFacts facts,
            List<ConsentFact> consentsBearingOn) {
        return new UseRequest(
                actor,
                context.action(),
                context.purpose(),
                facts,
                consentsBearingOn,
                context.authority(),
                context.othersConsentedOrRedacted(),
                context.approvedByRole(),
                policyOf(recording));
    }

    private static AuditAction auditAction(UseContext context) {
        return switch (context.action()) {
            case VIEW -> AuditAction.VIEW;
            case PLAY -> AuditAction.PLAY;
            case DOWNLOAD, COPY -> AuditAction.DOWNLOAD;
            case DISCLOSE -> AuditAction.DISCLOSE;
            case EXPORT -> AuditAction.EXPORT;
        };
    }

    private static String describe(List<Reason> warnings) {
        List<String> codes = new ArrayList<>();
        warnings.forEach(w -> codes.add(w.code().code()));
        return codes.isEmpty() ? "" : "warnings " + String.join(",", codes);
    }
}
