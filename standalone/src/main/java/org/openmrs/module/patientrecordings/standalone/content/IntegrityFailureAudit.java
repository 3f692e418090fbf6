/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.content;

import java.time.Clock;
import java.util.Objects;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.standalone.security.RequestCurrentUser;
import org.openmrs.module.patientrecordings.storage.ContentIntegrityException;
import org.openmrs.module.patientrecordings.storage.ContentIntegrityListener;

/**
 * SAF-1: content that fails its integrity check is never served, and the failure is written to the audit log under
 * the user whose read found it (or the server itself, for a background read).
 */
public final class IntegrityFailureAudit implements ContentIntegrityListener {

    /** The user recorded when no request user is bound, e.g. during a sweep. */
    public static final UserId SERVER = UserId.of("patientrecordings-server");

    private final AuditLog audit;
    private final RequestCurrentUser currentUser;
    private final Clock clock;

    public IntegrityFailureAudit(AuditLog audit, RequestCurrentUser currentUser, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.currentUser = Objects.requireNonNull(currentUser, "currentUser");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void integrityFailed(ContentIntegrityException failure) {
        UserId user = currentUser.current().map(Actor::user).orElse(SERVER);
        audit.append(new AuditEntry(
                user,
                clock.instant(),
                null,
                null,
                AuditAction.INTEGRITY_FAILURE,
                null,
                AuditOutcome.refused(ErrorCode.SAF_1),
                "content failed its integrity check"));
    }
}
