/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.policy.CovertRecordingRules;
import org.openmrs.module.patientrecordings.policy.Privileges;

/**
 * Who may call an endpoint of the administration API (SAF-3). The servlet checks it for every endpoint before the
 * request is read, so that a user without the privilege is refused (and the refusal audited) rather than told about
 * their input; the services check their own rules again behind it.
 */
sealed interface Access {

    /** Anyone, authenticated or not: only the API's own description. */
    Access PUBLIC = new Public();

    /** Why {@code actor} may not call the endpoint; empty when they may. */
    List<Reason> refusals(Actor actor);

    /** What a change through the endpoint is, for the audit entry of a refusal; a read is always a VIEW. */
    default AuditAction change() {
        return AuditAction.UPDATE;
    }

    /**
     * A user who holds {@code privilege}.
     *
     * @param change what a change through the endpoint is, in the audit trail
     */
    static Access holding(Privilege privilege, AuditAction change) {
        return new Holding(privilege, change);
    }

    /**
     * A user who holds at least one of {@code privileges}: what clinicians need to see before they record (the sites,
     * their no-filming areas and telephone notices) is readable by whoever records or manages consent as well as by
     * administrators, and by nobody without any of them.
     */
    static Access holdingAnyOf(Privilege... privileges) {
        return new HoldingAnyOf(List.of(privileges));
    }

    /** COV-2: only users privileged to authorise covert recording. */
    static Access covertAuthorisers() {
        return new CovertAuthorisers();
    }

    /**
     * Any authenticated user, because the service's named rule decides from the request itself, e.g. STF-1: a staff
     * member records their own objection to being recorded, anyone else needs the policy privilege.
     *
     * @param rule the requirement ID of that rule
     */
    static Access decidedBy(String rule) {
        return new DecidedByService(rule);
    }

    record Public() implements Access {
        @Override
        public List<Reason> refusals(Actor actor) {
            return List.of();
        }
    }

    record Holding(Privilege privilege, AuditAction change) implements Access {
        public Holding {
            Objects.requireNonNull(privilege, "privilege");
            Objects.requireNonNull(change, "change");
        }

        @Override
        public List<Reason> refusals(Actor actor) {
            return Privileges.check(actor, privilege);
        }
    }

    record HoldingAnyOf(List<Privilege> privileges) implements Access {
        public HoldingAnyOf {
            privileges = List.copyOf(privileges);
            if (privileges.isEmpty()) {
                throw new IllegalArgumentException("name at least one privilege");
            }
        }

        @Override
        public List<Reason> refusals(Actor actor) {
            for (Privilege privilege : privileges) {
                if (actor.has(privilege)) {
                    return List.of();
                }
            }
            return List.of(Reason.error(
                    ErrorCode.SAF_3,
                    "User " + actor.user() + " holds none of the privileges "
                            + privileges.stream()
                                    .map(p -> "'" + p.privilegeName() + "'")
                                    .collect(Collectors.joining(", ")),
                    "privilege"));
        }
    }

    record CovertAuthorisers() implements Access {
        @Override
        public List<Reason> refusals(Actor actor) {
            return CovertRecordingRules.onlyPrivileged(actor);
        }
    }

    record DecidedByService(String rule) implements Access {
        public DecidedByService {
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public List<Reason> refusals(Actor actor) {
            return List.of();
        }
    }
}
