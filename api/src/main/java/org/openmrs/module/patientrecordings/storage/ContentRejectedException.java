/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.IOException;
import java.util.Objects;

/**
 * An upload broke its {@link UploadLimits} and was not committed; nothing of it is left behind (SAF-4). An
 * {@link IOException} so that it travels through the streams of the write unchanged.
 */
public final class ContentRejectedException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why the upload was rejected. */
    public enum Reason {
        /** More bytes than the maximum size allowed. */
        TOO_LARGE,
        /** Fewer bytes than the client declared: the upload was cut short. */
        TRUNCATED,
        /** More bytes than the client declared. */
        LONGER_THAN_DECLARED,
        /** The bytes do not have the SHA-256 the client declared. */
        HASH_MISMATCH
    }

    private final Reason reason;

    ContentRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the upload was rejected; never null. */
    public Reason reason() {
        return reason;
    }
}
