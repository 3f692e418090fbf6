/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.policy.Privileges;

/**
 * SAF-3 for writes of host data over FHIR. Reads need only an authenticated user, which the FHIR server already
 * requires of every request; a write needs a privilege, and a refusal is audited like every other refusal.
 */
final class HostAccess {

    private final AccessGuard guard;

    HostAccess(AccessGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * The acting user, when they hold {@code privilege}.
     *
     * @param action what they attempt, for the audit entry of a refusal
     * @param what a description without patient-identifying data, e.g. {@code "host patient created"}
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-3 without the privilege (after
     *     the refusal was audited), or when nobody is authenticated
     */
    Actor require(Privilege privilege, AuditAction action, PatientId patient, String what) {
        Actor actor = guard.actor();
        guard.enforce(
                Decision.of(Privileges.check(actor, privilege)),
                Subject.of(actor, action, patient, null).withDetail(what));
        return actor;
    }

    /** Audits a change of host data that the module's rules depend on (a death, for REC-2). */
    void recordChange(Actor actor, PatientId patient, String what) {
        guard.record(Subject.of(actor, AuditAction.UPDATE, patient, null).withDetail(what));
    }

    Instant now() {
        return guard.now();
    }

    Clock clock() {
        return guard.clock();
    }
}
