/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir.host;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.policy.Privileges;

/**
 * SAF-2 and SAF-3 for the host's data over FHIR. A read or search is audited (with the patient where there is one),
 * and refused, audited, as SAF-3 when the host refuses the user its data ({@link HostRecords.Refused}: OpenMRS'
 * "Get Patients" and the like); the FHIR server already requires an authenticated user for every request. A write
 * (the standalone server's register) needs one of the module's privileges, and a refusal is audited like every other.
 */
public final class HostAccess {

    private final AccessGuard guard;

    public HostAccess(AccessGuard guard) {
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
    public Actor require(Privilege privilege, AuditAction action, PatientId patient, String what) {
        Actor actor = guard.actor();
        guard.enforce(
                Decision.of(Privileges.check(actor, privilege)),
                Subject.of(actor, action, patient, null).withDetail(what));
        return actor;
    }

    /**
     * Reads one item of host data, audited as a VIEW of the patient it belongs to (SAF-2).
     *
     * @param what a description without patient-identifying data, e.g. {@code "host Patient read"}
     * @param patientOf whose data the item is, or null for none
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-3 when the host refuses the
     *     user, after the refusal was audited
     */
    public <T> Optional<T> read(String what, Supplier<Optional<T>> read, Function<? super T, PatientId> patientOf) {
        Actor actor = guard.actor();
        Subject subject = Subject.of(actor, AuditAction.VIEW, null, null).withDetail(what);
        Optional<T> found = refusedByHost(subject, read);
        guard.record(
                found.isPresent()
                        ? Subject.of(actor, AuditAction.VIEW, patientOf.apply(found.get()), null)
                                .withDetail(what)
                        : subject.withDetail(what + ", none found"));
        return found;
    }

    /**
     * Searches host data, audited as a SEARCH with the number found (SAF-2).
     *
     * @param patient the patient searched within, or null
     * @param what a description without patient-identifying data (never the criteria), e.g. {@code "host Patient
     *     search"}
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-3 when the host refuses the
     *     user, after the refusal was audited
     */
    public <T> List<T> search(PatientId patient, String what, Supplier<List<T>> search) {
        Actor actor = guard.actor();
        Subject subject = Subject.of(actor, AuditAction.SEARCH, patient, null).withDetail(what);
        List<T> found = refusedByHost(subject, search);
        guard.record(subject.withDetail(what + ", " + found.size() + " found"));
        return found;
    }

    private <T> T refusedByHost(Subject subject, Supplier<T> work) {
        try {
            return work.get();
        } catch (HostRecords.Refused refused) {
            guard.enforce(
                    Decision.of(List.of(Reason.error(
                            ErrorCode.SAF_3,
                            "User " + subject.actor().user() + " " + refused.getMessage(),
                            "privilege"))),
                    subject);
            throw refused;
        }
    }

    /** Audits a change of host data that the module's rules depend on (a death for REC-2, a note for REC-3). */
    public void recordChange(Actor actor, PatientId patient, String what) {
        guard.record(Subject.of(actor, AuditAction.UPDATE, patient, null).withDetail(what));
    }

    public Instant now() {
        return guard.now();
    }

    public Clock clock() {
        return guard.clock();
    }
}
