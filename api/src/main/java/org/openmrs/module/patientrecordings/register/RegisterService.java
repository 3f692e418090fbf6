/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;
import org.openmrs.module.patientrecordings.policy.CovertRecordingRules;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.policy.PatientFacts;
import org.openmrs.module.patientrecordings.policy.Privileges;
import org.openmrs.module.patientrecordings.policy.RecordEntryPolicy;
import org.openmrs.module.patientrecordings.policy.RegisterPolicy;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;
import org.openmrs.module.patientrecordings.port.PatientDirectory;

/**
 * Keeps the registers: staff objections (STF-1), patients' standing objections (CON-10), covert authorisations
 * (COV-1, COV-2) and legal holds (REC-5). Nothing is deleted, only ended; every change is audited.
 */
public final class RegisterService {

    private final RegisterRepository registers;
    private final PatientDirectory patients;
    private final ClinicalNotes notes;
    private final AccessGuard guard;

    public RegisterService(
            RegisterRepository registers, PatientDirectory patients, ClinicalNotes notes, AccessGuard guard) {
        this.registers = Objects.requireNonNull(registers, "registers");
        this.patients = Objects.requireNonNull(patients, "patients");
        this.notes = Objects.requireNonNull(notes, "notes");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** STF-1: records that a staff member declines to be recorded. */
    public StaffObjection recordStaffObjection(UserId staff, String comment) {
        Actor actor = guard.actor();
        Subject subject = Subject.of(actor, AuditAction.UPDATE, null, null).withDetail("staff objection recorded");
        guard.enforce(RegisterPolicy.staffObjection(actor, staff), subject);
        StaffObjection saved =
                registers.save(new StaffObjection(newId(), staff, comment, actor.user(), guard.now(), null));
        guard.record(subject);
        return saved;
    }

    /** STF-1: ends a staff objection; it stays on the register. */
    public StaffObjection endStaffObjection(String id) {
        Actor actor = guard.actor();
        StaffObjection objection = existing(StaffObjection.class, id);
        Subject subject = Subject.of(actor, AuditAction.UPDATE, null, null).withDetail("staff objection ended");
        guard.enforce(RegisterPolicy.staffObjection(actor, objection.staff()), subject);
        notEnded(objection, "The staff objection", subject);
        StaffObjection ended = registers.save(objection.ended(guard.now()));
        guard.record(subject);
        return ended;
    }

    /** CON-10: records a patient's standing objection, and notes it in their record. */
    public PatientObjection recordPatientObjection(PatientId patient, String comment) {
        Actor actor = guard.actor();
        Subject subject = Subject.of(actor, AuditAction.CONSENT_DECISION, patient, null)
                .withDetail("standing objection recorded");
        PatientFacts facts = new PatientFacts(patient, patients.find(patient).isPresent(), false);
        guard.enforce(RegisterPolicy.patientObjection(actor, facts), subject);
        // The note first: when it cannot be written nothing is registered, as for consent decisions (CON-8).
        notes.append(new ClinicalNotes.Note(
                patient,
                null,
                actor.user(),
                guard.now(),
                "Recording: the patient objects to being recorded. No recording by staff until lifted."
                        + (comment == null || comment.isBlank() ? "" : " Patient's words: " + comment)));
        PatientObjection saved =
                registers.save(new PatientObjection(newId(), patient, comment, actor.user(), guard.now(), null));
        guard.record(subject);
        return saved;
    }

    /** CON-10: lifts a standing objection, and notes it in the patient's record. */
    public PatientObjection liftPatientObjection(String id) {
        Actor actor = guard.actor();
        PatientObjection objection = existing(PatientObjection.class, id);
        Subject subject = Subject.of(actor, AuditAction.CONSENT_DECISION, objection.patient(), null)
                .withDetail("standing objection lifted");
        guard.enforce(Decision.of(Privileges.check(actor, Privilege.MANAGE_CONSENT)), subject);
        notEnded(objection, "The standing objection", subject);
        notes.append(new ClinicalNotes.Note(
                objection.patient(),
                null,
                actor.user(),
                guard.now(),
                "Recording: the patient lifted their objection to being recorded."));
        PatientObjection ended = registers.save(objection.ended(guard.now()));
        guard.record(subject);
        return ended;
    }

    /** COV-1, COV-2: records a covert recording authorisation. */
    public CovertAuthorisationEntry recordCovertAuthorisation(CovertAuthorisation authorisation) {
        Actor actor = guard.actor();
        Subject subject = Subject.of(actor, AuditAction.UPDATE, authorisation.patient(), null)
                .withDetail("covert authorisation recorded");
        guard.enforce(RegisterPolicy.covertAuthorisation(actor, authorisation, guard.now()), subject);
        CovertAuthorisationEntry saved =
                registers.save(new CovertAuthorisationEntry(newId(), authorisation, actor.user(), guard.now(), null));
        guard.record(subject);
        return saved;
    }

    /** COV-2: ends a covert authorisation early. */
    public CovertAuthorisationEntry endCovertAuthorisation(String id) {
        Actor actor = guard.actor();
        CovertAuthorisationEntry entry = existing(CovertAuthorisationEntry.class, id);
        Subject subject = Subject.of(
                        actor, AuditAction.UPDATE, entry.authorisation().patient(), null)
                .withDetail("covert authorisation ended");
        guard.enforce(Decision.of(CovertRecordingRules.onlyPrivileged(actor)), subject);
        notEnded(entry, "The covert authorisation", subject);
        CovertAuthorisationEntry ended = registers.save(entry.ended(guard.now()));
        guard.record(subject);
        return ended;
    }

    /** COV-2: the covert authorisations, only for privileged users. */
    public List<CovertAuthorisationEntry> covertAuthorisations() {
        return covertAuthorisations(RegisterFilter.ALL);
    }

    /** COV-2: the covert authorisations that meet the filter, oldest first, only for privileged users. */
    public List<CovertAuthorisationEntry> covertAuthorisations(RegisterFilter filter) {
        return covertAuthorisations(filter, 0, RegisterPage.ALL).entries();
    }

    /** COV-2: as {@link #covertAuthorisations(RegisterFilter)}, one page of {@code count} from {@code offset}. */
    public RegisterPage<CovertAuthorisationEntry> covertAuthorisations(RegisterFilter filter, int offset, int count) {
        Objects.requireNonNull(filter, "filter");
        RegisterPage.requireRange(offset, count);
        Actor actor = guard.actor();
        guard.permit(
                Decision.of(CovertRecordingRules.onlyPrivileged(actor)),
                Subject.of(actor, AuditAction.VIEW, filter.patient(), null).withDetail("covert authorisations listed"));
        return registers.search(CovertAuthorisationEntry.class, filter, guard.now(), offset, count);
    }

    /** REC-5: places a legal hold on all of a patient's recordings. */
    public LegalHold placeLegalHold(PatientId patient, LegalAuthority basis, String reference) {
        Actor actor = guard.actor();
        Subject subject =
                Subject.of(actor, AuditAction.LEGAL_HOLD, patient, null).withDetail("legal hold placed: " + basis);
        guard.enforce(RecordEntryPolicy.legalHold(actor, reference), subject);
        if (patients.find(patient).isEmpty()) {
            guard.enforce(
                    RuleViolationException.of(ErrorCode.SAF_4, "Unknown patient " + patient, "patient")
                            .decision(),
                    subject);
        }
        LegalHold hold = registers.save(new LegalHold(
                newId(),
                patient,
                Objects.requireNonNull(basis, "basis"),
                reference,
                actor.user(),
                guard.now(),
                null,
                null,
                null));
        guard.record(subject);
        return hold;
    }

    /** REC-5: lifts a legal hold; it stays on the register. */
    public LegalHold liftLegalHold(String id, String reason) {
        Actor actor = guard.actor();
        LegalHold hold = existing(LegalHold.class, id);
        Subject subject =
                Subject.of(actor, AuditAction.LEGAL_HOLD, hold.patient(), null).withDetail("legal hold lifted");
        guard.enforce(RecordEntryPolicy.legalHold(actor, reason), subject);
        if (hold.endedAt() != null) {
            throw RuleViolationException.of(ErrorCode.LIF_1, "The legal hold was already lifted", "status");
        }
        LegalHold lifted = registers.save(hold.lifted(guard.now(), actor.user(), reason));
        guard.record(subject);
        return lifted;
    }

    /**
     * Lists a register to those whose work it is: staff objections to policy managers, standing objections to
     * consent managers, legal holds to their managers, the destruction register to records managers, breaches of site
     * policy (PAT-3) to policy managers. Covert
     * authorisations are listed by {@link #covertAuthorisations()}; disclosures to those who disclose.
     */
    public <T extends RegisterEntry> List<T> list(Class<T> type) {
        return list(type, RegisterFilter.ALL);
    }

    /**
     * As {@link #list(Class)}, keeping the entries that meet the filter, oldest first. A listing narrowed to one
     * patient is audited against that patient (SAF-2).
     */
    public <T extends RegisterEntry> List<T> list(Class<T> type, RegisterFilter filter) {
        return page(type, filter, 0, RegisterPage.ALL).entries();
    }

    /**
     * As {@link #list(Class, RegisterFilter)}, one page: {@code count} entries from {@code offset}, and how many meet
     * the filter in all. The register's store does the filtering ({@link RegisterRepository#search}).
     *
     * @throws IllegalArgumentException for a negative offset or count
     */
    public <T extends RegisterEntry> RegisterPage<T> page(Class<T> type, RegisterFilter filter, int offset, int count) {
        Objects.requireNonNull(filter, "filter");
        RegisterPage.requireRange(offset, count);
        Actor actor = guard.actor();
        guard.permit(
                Decision.of(Privileges.check(actor, privilegeToList(type))),
                Subject.of(actor, AuditAction.VIEW, filter.patient(), null)
                        .withDetail(type.getSimpleName() + " register listed"));
        return registers.search(type, filter, guard.now(), offset, count);
    }

    /**
     * One entry of a register, to those who may list it ({@link #list(Class, RegisterFilter)}; covert authorisations
     * only to privileged users, COV-2). The privilege is checked before the entry is looked up, so a refusal tells
     * nothing of whether it exists; the read is audited against the entry's patient (SAF-2).
     *
     * @throws RuleViolationException SAF-3 (COV-2 for covert authorisations) without the privilege, NF-1 when there
     *     is no such entry
     */
    public <T extends RegisterEntry> T entry(Class<T> type, String id) {
        Objects.requireNonNull(id, "id");
        Actor actor = guard.actor();
        Subject subject = Subject.of(actor, AuditAction.VIEW, null, null).withDetail(type.getSimpleName() + " read");
        guard.enforce(
                type == CovertAuthorisationEntry.class
                        ? Decision.of(CovertRecordingRules.onlyPrivileged(actor))
                        : Decision.of(Privileges.check(actor, privilegeToList(type))),
                subject);
        T entry = existing(type, id);
        guard.record(Subject.of(actor, AuditAction.VIEW, RegisterFilter.patientOf(entry), null)
                .withDetail(type.getSimpleName() + " " + id + " read"));
        return entry;
    }

    /** COV-2: whether the current user may see covert authorisations at all; checks nothing else, audits nothing. */
    public boolean maySeeCovertAuthorisations() {
        return CovertRecordingRules.onlyPrivileged(guard.actor()).isEmpty();
    }

    private static Privilege privilegeToList(Class<? extends RegisterEntry> type) {
        if (type == StaffObjection.class) {
            return Privilege.MANAGE_POLICY;
        } else if (type == PatientObjection.class) {
            return Privilege.MANAGE_CONSENT;
        } else if (type == LegalHold.class) {
            return Privilege.MANAGE_LEGAL_HOLDS;
        } else if (type == DestructionEntry.class) {
            return Privilege.MANAGE_RECORDS;
        } else if (type == Disclosure.class) {
            return Privilege.DISCLOSE_RECORDINGS;
        } else if (type == SitePolicyBreach.class) {
            return Privilege.MANAGE_POLICY;
        }
        throw new IllegalArgumentException("covert authorisations are listed by covertAuthorisations()");
    }

    /** An entry is ended once: ending it again would rewrite when it ended (LIF-1), and is audited as refused. */
    private void notEnded(RegisterEntry entry, String what, Subject subject) {
        if (entry.endedAt() != null) {
            guard.enforce(
                    RuleViolationException.of(ErrorCode.LIF_1, what + " ended at " + entry.endedAt(), "endedAt")
                            .decision(),
                    subject);
        }
    }

    private <T extends RegisterEntry> T existing(Class<T> type, String id) {
        return registers
                .find(type, id)
                .orElseThrow(() -> RuleViolationException.of(
                        ErrorCode.NF_1, "No " + type.getSimpleName() + " with id " + id, "id"));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
