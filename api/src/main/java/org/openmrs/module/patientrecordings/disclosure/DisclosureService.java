/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.audit.AuditPage;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.consent.ConsentRepository;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.policy.Privileges;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.policy.UsePolicy;
import org.openmrs.module.patientrecordings.policy.UseRequest;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.register.Disclosure;
import org.openmrs.module.patientrecordings.register.RegisterRepository;

/**
 * Disclosure for a complaint, claim, court order or regulator (REC-6) and subject access (REC-7): recordings in
 * their entirety with metadata, consent history, integrity hashes and audit trail; recorded as a disclosure and
 * audited before anything leaves (SAF-2).
 */
public final class DisclosureService {

    private final RecordingRepository recordings;
    private final RecordingService recordingService;
    private final ConsentRepository consents;
    private final RegisterRepository registers;
    private final AuditLog audit;
    private final AccessGuard guard;

    public DisclosureService(
            RecordingRepository recordings,
            RecordingService recordingService,
            ConsentRepository consents,
            RegisterRepository registers,
            AuditLog audit,
            AccessGuard guard) {
        this.recordings = Objects.requireNonNull(recordings, "recordings");
        this.recordingService = Objects.requireNonNull(recordingService, "recordingService");
        this.consents = Objects.requireNonNull(consents, "consents");
        this.registers = Objects.requireNonNull(registers, "registers");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * REC-6: discloses recordings in their entirety, for a legal matter or for a secondary purpose. All or nothing:
     * when any recording may not be disclosed the whole disclosure is refused with every reason, because a partial
     * disclosure is not one in its entirety. A secondary purpose (training, research …) has no legal basis: each
     * recording goes out only with the patient's consent to that purpose or as an anonymised derivative (SEC-1,
     * SEC-2, SEC-3), for a purpose the site allows (POL-1).
     */
    public DisclosurePackage disclose(DisclosureCommand command) {
        Actor actor = guard.actor();
        Subject subject = new Subject(
                actor,
                AuditAction.DISCLOSE,
                command.patient(),
                null,
                command.purpose(),
                command.reference() == null ? "disclosure" : "reference " + command.reference());
        List<Reason> problems = new ArrayList<>(inputProblems(command));
        List<Recording> chosen = problems.isEmpty() ? chosen(command) : List.of();
        for (Recording r : chosen) {
            problems.addAll(UsePolicy.decide(request(actor, r, UseAction.DISCLOSE, command.purpose(), command))
                    .reasons());
        }
        guard.enforce(Decision.of(problems), subject);
        return produce(actor, command.patient(), chosen, List.of(), command, command.reference());
    }

    /**
     * REC-7: the patient's own recordings for them. Recordings capturing other people without their consent are
     * withheld until redacted (STF-2), covert ones unless the user may see them (COV-2); sealed and destroyed ones
     * have nothing to give.
     */
    public DisclosurePackage subjectAccess(PatientId patient, String requestReference) {
        Actor actor = guard.actor();
        // SAF-3 before anything else: an export with nothing in it is still an export to be refused.
        guard.enforce(
                Decision.of(Privileges.check(actor, UseAction.EXPORT.privilege())),
                new Subject(actor, AuditAction.EXPORT, patient, null, Purpose.PATIENT_OWN_USE, "subject access"));
        List<Recording> included = new ArrayList<>();
        List<DisclosurePackage.Withheld> withheld = new ArrayList<>();
        for (Recording r : recordings.findByPatient(patient)) {
            if (r.state() == RecordingState.SEALED) {
                // Sealed when consent was withdrawn during the recording: nobody may read it, the patient included.
                withheld.add(new DisclosurePackage.Withheld(r.id(), List.of(ErrorCode.CON_5.code())));
                continue;
            }
            if (r.state() == RecordingState.DESTROYED) {
                // Disposed of at the end of its retention: nothing is left to give.
                withheld.add(new DisclosurePackage.Withheld(r.id(), List.of(ErrorCode.REC_4.code())));
                continue;
            }
            Decision d = UsePolicy.decide(request(actor, r, UseAction.EXPORT, Purpose.PATIENT_OWN_USE, null));
            if (d.allowed()) {
                included.add(r);
            } else if (d.codes().contains(ErrorCode.SAF_3)) {
                guard.enforce(d, Subject.of(actor, AuditAction.EXPORT, patient, r.id()));
            } else {
                withheld.add(new DisclosurePackage.Withheld(
                        r.id(), d.codes().stream().map(ErrorCode::code).sorted().toList()));
            }
        }
        return produce(actor, patient, included, withheld, null, requestReference);
    }

    private DisclosurePackage produce(
            Actor actor,
            PatientId patient,
            List<Recording> chosen,
            List<DisclosurePackage.Withheld> withheld,
            DisclosureCommand command,
            String reference) {
        boolean subjectAccess = command == null;
        AuditAction action = subjectAccess ? AuditAction.EXPORT : AuditAction.DISCLOSE;
        Purpose purpose = subjectAccess ? Purpose.PATIENT_OWN_USE : command.purpose();
        List<DisclosurePackage.Item> items = chosen.stream().map(this::item).toList();
        Disclosure disclosure = new Disclosure(
                UUID.randomUUID().toString(),
                patient,
                chosen.stream().map(Recording::id).toList(),
                purpose,
                subjectAccess ? null : command.basis(),
                subjectAccess ? "the patient (subject access)" : command.recipient(),
                reference,
                actor.user(),
                guard.now());
        registers.save(disclosure);
        chosen.forEach(r ->
                guard.record(new Subject(actor, action, patient, r.id(), purpose, "disclosure " + disclosure.id())));
        return new DisclosurePackage(disclosure, items, withheld);
    }

    private DisclosurePackage.Item item(Recording r) {
        return new DisclosurePackage.Item(
                r, r.consent() == null ? null : consents.find(r.consent()).orElse(null), auditTrail(r.id()));
    }

    private List<StoredAuditEntry> auditTrail(RecordingId id) {
        List<StoredAuditEntry> trail = new ArrayList<>();
        AuditQuery query = AuditQuery.all().forRecording(id).ordered(AuditQuery.Order.OLDEST_FIRST);
        AuditPage page;
        int offset = 0;
        do {
            page = audit.search(query.page(offset, AuditQuery.MAX_LIMIT));
            trail.addAll(page.entries());
            offset += page.entries().size();
        } while (page.hasMore() && !page.entries().isEmpty());
        return trail;
    }

    private List<Recording> chosen(DisclosureCommand command) {
        if (command.recordings().isEmpty()) {
            return recordings.findByPatient(command.patient()).stream()
                    .filter(r -> r.state() != RecordingState.DESTROYED)
                    .toList();
        }
        return command.recordings().stream()
                .map(recordingService::known)
                .peek(r -> {
                    if (!r.patient().equals(command.patient())) {
                        throw RuleViolationException.of(
                                ErrorCode.SAF_4, "Recording " + r.id() + " is not this patient's", "recording");
                    }
                })
                .toList();
    }

    private static List<Reason> inputProblems(DisclosureCommand c) {
        List<Reason> problems = new ArrayList<>();
        if (!c.purpose().secondary()) {
            problems.add(Reason.error(
                    ErrorCode.SAF_4,
                    "A disclosure is for a legal matter or a secondary purpose; direct care shares through the record"
                            + " and the patient's own copy is a subject access",
                    "purpose"));
        }
        if (Purpose.LEGAL.equals(c.purpose()) && c.authority() == null) {
            problems.add(Reason.error(
                    ErrorCode.REC_6,
                    "A disclosure names its basis: complaint, claim, court order, regulator",
                    "authority"));
        }
        if (c.recipient() == null || c.recipient().isBlank()) {
            problems.add(Reason.error(ErrorCode.REC_6, "A disclosure names its recipient", "recipient"));
        }
        return problems;
    }

    private UseRequest request(Actor actor, Recording r, UseAction action, Purpose purpose, DisclosureCommand command) {
        return new UseRequest(
                actor,
                action,
                purpose,
                recordingService.facts(r),
                consents.findByPatient(r.patient()).stream()
                        .map(RecordingConsent::fact)
                        .toList(),
                command == null ? null : command.basis(),
                command != null && command.othersConsentedOrRedacted(),
                null,
                recordingService.policyOf(r));
    }
}
