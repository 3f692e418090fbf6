/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.policy.Privileges;
import org.openmrs.module.patientrecordings.retention.AdministeredSchedule;
import org.openmrs.module.patientrecordings.retention.InvalidRetentionScheduleException;
import org.openmrs.module.patientrecordings.retention.Jurisdiction;
import org.openmrs.module.patientrecordings.retention.RecordClass;
import org.openmrs.module.patientrecordings.retention.RetentionRule;
import org.openmrs.module.patientrecordings.retention.RetentionSchedule;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRegistry;

/**
 * Administers the retention schedules per jurisdiction and record class (REC-2, POL-1): read those in force, replace
 * a schedule or one class's rule. Every change is a new administered version, needs the policy privilege and is
 * audited (POL-2, SAF-3). The retention ends already computed for recordings are not changed by a new schedule.
 */
public final class RetentionScheduleService {

    private final RetentionScheduleRegistry registry;
    private final AccessGuard guard;

    public RetentionScheduleService(RetentionScheduleRegistry registry, AccessGuard guard) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** Every schedule in force, shipped ones first. */
    public List<ScheduleInForce> inForce() {
        return registry.schedules().values().stream().map(this::describe).toList();
    }

    /** The schedule in force for a jurisdiction; NF-1 when there is none. */
    public ScheduleInForce inForce(Jurisdiction jurisdiction) {
        return registry.schedule(jurisdiction)
                .map(this::describe)
                .orElseThrow(() -> RuleViolationException.of(
                        ErrorCode.NF_1, "No retention schedule for jurisdiction " + jurisdiction, "jurisdiction"));
    }

    /** The administered versions of a jurisdiction's schedule, oldest first; empty when only shipped. */
    public List<AdministeredSchedule> versions(Jurisdiction jurisdiction) {
        return registry.repository().versions(jurisdiction);
    }

    /** The schedules in force by jurisdiction code. */
    public Map<String, RetentionSchedule> schedules() {
        return registry.schedules();
    }

    /**
     * SAF-3: refuses, and audits, a user who may not change retention schedules, before a change is even read.
     */
    public void requireMayChange(Jurisdiction jurisdiction) {
        Actor actor = guard.actor();
        guard.enforce(
                Decision.of(Privileges.check(actor, Privilege.MANAGE_POLICY)),
                Subject.of(actor, AuditAction.POLICY_CHANGE, null, null)
                        .withDetail("retention schedule " + jurisdiction));
    }

    /**
     * Makes {@code schedule} the jurisdiction's schedule, as the next administered version.
     *
     * @param basedOn the administered version the change was made from (0 for the shipped schedule or a new
     *     jurisdiction), or null for the one in force
     * @throws RuleViolationException SAF-3 without the policy privilege, VER-1 when {@code basedOn} is not current
     */
    public AdministeredSchedule change(RetentionSchedule schedule, Integer basedOn) {
        Objects.requireNonNull(schedule, "schedule");
        Actor actor = guard.actor();
        Jurisdiction jurisdiction = schedule.jurisdiction();
        int current = registry.version(jurisdiction);
        Subject subject = Subject.of(actor, AuditAction.POLICY_CHANGE, null, null)
                .withDetail("retention schedule " + jurisdiction + " version " + (current + 1));
        guard.enforce(Decision.of(Privileges.check(actor, Privilege.MANAGE_POLICY)), subject);
        AdministeredSchedule next = new AdministeredSchedule(schedule, current + 1);
        if ((basedOn != null && basedOn != current) || !registry.repository().add(next)) {
            guard.enforce(
                    Decision.deny(Reason.error(
                            ErrorCode.VER_1,
                            "The retention schedule of " + jurisdiction + " is at version "
                                    + registry.version(jurisdiction) + ", not " + (basedOn == null ? current : basedOn),
                            "version")),
                    subject);
        }
        guard.record(subject);
        return next;
    }

    /**
     * Replaces the rule of one record class in the jurisdiction's schedule in force.
     *
     * @throws RuleViolationException NF-1 for a jurisdiction without a schedule, REC-2 when the rule leaves some
     *     patients without a retention end, and as {@link #change}
     */
    public AdministeredSchedule changeEntry(
            Jurisdiction jurisdiction, RecordClass recordClass, RetentionRule rule, Integer basedOn) {
        Actor actor = guard.actor();
        Subject subject = Subject.of(actor, AuditAction.POLICY_CHANGE, null, null)
                .withDetail("retention schedule " + jurisdiction + " " + recordClass);
        guard.enforce(Decision.of(Privileges.check(actor, Privilege.MANAGE_POLICY)), subject);
        RetentionSchedule changed;
        try {
            changed = inForce(jurisdiction).schedule().withEntry(recordClass, rule);
        } catch (RuleViolationException refused) {
            guard.enforce(refused.decision(), subject);
            throw refused;
        } catch (InvalidRetentionScheduleException invalid) {
            guard.enforce(
                    Decision.of(invalid.problems().stream()
                            .map(p -> Reason.error(ErrorCode.REC_2, p, "rule"))
                            .toList()),
                    subject);
            throw invalid;
        }
        return change(changed, basedOn);
    }

    private ScheduleInForce describe(RetentionSchedule schedule) {
        Jurisdiction j = schedule.jurisdiction();
        return new ScheduleInForce(schedule, registry.version(j), registry.shipped(j));
    }

    /**
     * A schedule in force.
     *
     * @param schedule never null
     * @param version its administered version; 0 for the schedule the module ships
     * @param shipped whether the module ships a schedule for the jurisdiction (possibly replaced by this one)
     */
    public record ScheduleInForce(RetentionSchedule schedule, int version, boolean shipped) {
        public ScheduleInForce {
            Objects.requireNonNull(schedule, "schedule");
        }
    }
}
