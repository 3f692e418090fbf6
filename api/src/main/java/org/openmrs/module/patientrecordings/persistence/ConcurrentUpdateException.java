/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * Someone else changed the row since it was read: the optimistic lock of its {@code version} column failed, an
 * {@code If-Match} version did not match, or a new row's key was taken meanwhile. The change was not applied; the
 * client reads again and retries.
 *
 * <p>It is a {@link RuleViolationException} with the one reason {@link ErrorCode#VER_1} (at {@code version}), the
 * same refusal the in-memory stores give through {@code Versions.check}, so that services and the FHIR layer handle
 * one exception type whichever store is behind them.
 */
public class ConcurrentUpdateException extends RuleViolationException {

    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String message, Throwable cause) {
        super((Decision.Denied) Decision.deny(Reason.error(ErrorCode.VER_1, message, "version")));
        if (cause != null) {
            initCause(cause);
        }
    }

    /**
     * Checks a version a client expects (an {@code If-Match} ETag) against the current one.
     *
     * @throws ConcurrentUpdateException when they differ
     */
    public static void requireVersion(String what, long expected, long actual) {
        if (expected != actual) {
            throw new ConcurrentUpdateException(
                    what + " is at version " + actual + ", not the expected version " + expected, null);
        }
    }

    /** @return {@link ErrorCode#VER_1} */
    public ErrorCode code() {
        return ErrorCode.VER_1;
    }
}
