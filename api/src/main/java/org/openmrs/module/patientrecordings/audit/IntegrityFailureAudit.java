/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.storage.ContentIntegrityException;
import org.openmrs.module.patientrecordings.storage.ContentIntegrityListener;

/**
 * SAF-1: content that fails its integrity check is never served, and the failure is written to the audit log under
 * the user whose read found it (or the server itself, for a background read). Each host says who is reading: the
 * standalone server from its request user, OpenMRS from its user context.
 */
public final class IntegrityFailureAudit implements ContentIntegrityListener {

    /** The user recorded when no request user is bound, e.g. during a sweep. */
    public static final UserId SERVER = UserId.of("patientrecordings-server");

    private final AuditLog audit;
    private final Supplier<Optional<UserId>> reader;
    private final Clock clock;

    /**
     * @param audit where the failure is recorded
     * @param reader the user reading on the current thread, or empty when nobody is
     * @param clock the time of the record
     */
    public IntegrityFailureAudit(AuditLog audit, Supplier<Optional<UserId>> reader, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void integrityFailed(ContentIntegrityException failure) {
        UserId user = reader.get().orElse(SERVER);
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
