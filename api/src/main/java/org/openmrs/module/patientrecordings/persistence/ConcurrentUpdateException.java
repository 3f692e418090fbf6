/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import org.openmrs.module.patientrecordings.domain.ErrorCode;

/**
 * Someone else changed the row since it was read: the optimistic lock of its {@code version} column failed, or an
 * {@code If-Match} version did not match. The change was not applied; the client reads again and retries.
 */
public class ConcurrentUpdateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String message, Throwable cause) {
        super(message, cause);
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
