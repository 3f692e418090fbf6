/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.port.CurrentUser;

/**
 * The service boundary's one way to act on a decision: a refusal is audited and thrown (SAF-3), a permitted access
 * is audited before anything is returned (SAF-2), and a failure to audit fails the access.
 */
public final class AccessGuard {

    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    public AccessGuard(CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.currentUser = Objects.requireNonNull(currentUser, "currentUser");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The acting user. */
    public Actor actor() {
        return currentUser.get();
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Applies a decision about an action.
     *
     * @return the decision, when allowed (its warnings are the caller's to record)
     * @throws RuleViolationException when denied, after the refusal was audited
     */
    public Decision enforce(Decision decision, Subject subject) {
        if (decision instanceof Decision.Denied denied) {
            audit.append(new AuditEntry(
                    subject.actor().user(),
                    now(),
                    subject.patient(),
                    subject.recording(),
                    subject.action(),
                    subject.purpose(),
                    AuditOutcome.refused(denied),
                    subject.detail()));
            throw new RuleViolationException(denied);
        }
        return decision;
    }

    /** Records a permitted access or change. Throws when it cannot be recorded, which fails the access (SAF-2). */
    public void record(Subject subject) {
        audit.append(AuditEntry.success(
                        subject.actor().user(),
                        now(),
                        subject.patient(),
                        subject.recording(),
                        subject.action(),
                        subject.purpose())
                .withDetail(subject.detail()));
    }

    /**
     * Records several permitted accesses at once (a search's page of hits), in one write: all are recorded, in the
     * order given, or none is and this throws, which fails the access (SAF-2).
     */
    public void recordAll(List<Subject> subjects) {
        Instant at = now();
        audit.appendAll(subjects.stream()
                .map(subject -> AuditEntry.success(
                                subject.actor().user(),
                                at,
                                subject.patient(),
                                subject.recording(),
                                subject.action(),
                                subject.purpose())
                        .withDetail(subject.detail()))
                .toList());
    }

    /** Enforces the decision, then records the access: the common path of a read. */
    public Decision permit(Decision decision, Subject subject) {
        enforce(decision, subject);
        record(subject);
        return decision;
    }

    /**
     * What an access is about.
     *
     * @param actor who acts
     * @param action what they do
     * @param patient which patient, or null
     * @param recording which recording, or null
     * @param purpose for what, or null
     * @param detail free text without patient-identifying data; empty when none
     */
    public record Subject(
            Actor actor, AuditAction action, PatientId patient, RecordingId recording, Purpose purpose, String detail) {

        public Subject {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
            detail = detail == null ? "" : detail;
        }

        public static Subject of(Actor actor, AuditAction action, PatientId patient, RecordingId recording) {
            return new Subject(actor, action, patient, recording, null, "");
        }

        public Subject forPurpose(Purpose newPurpose) {
            return new Subject(actor, action, patient, recording, newPurpose, detail);
        }

        public Subject forRecording(RecordingId newRecording) {
            return new Subject(actor, action, patient, newRecording, purpose, detail);
        }

        public Subject withDetail(String newDetail) {
            return new Subject(actor, action, patient, recording, purpose, newDetail);
        }
    }
}
