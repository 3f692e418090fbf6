/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * The content store failed on its side while content was written or read back for writing: its disk is full, or it
 * (an S3-compatible service, a mounted volume) does not answer or answers errors. The request changed nothing: its
 * unit of work rolls back, and what the store had begun to write is discarded or, if the store cannot be reached to
 * discard it, left to the content sweeper. The endpoints answer 507 for a full store and 503 otherwise.
 */
public final class StoreFault extends IOException {

    private static final long serialVersionUID = 1L;

    /** The message fragments of a full disk or quota, as the JDK reports ENOSPC and EDQUOT on Linux and Windows. */
    private static final String[] FULL = {"no space left on device", "disk quota exceeded", "not enough space"};

    private final boolean full;

    private StoreFault(String message, IOException cause, boolean full) {
        super(message, cause);
        this.full = full;
    }

    /**
     * The store's failure as the endpoints report it. Refusals of the content itself ({@link ContentRejectedException},
     * an integrity failure) are not store faults and are returned unchanged, as is a fault already classified.
     */
    public static IOException of(IOException failure) {
        Objects.requireNonNull(failure, "failure");
        if (failure instanceof StoreFault
                || failure instanceof ContentRejectedException
                || failure instanceof ContentIntegrityException) {
            return failure;
        }
        boolean full = isFull(failure);
        return new StoreFault(
                full
                        ? "The content store is full, so the content was not stored and the request changed nothing."
                                + " An administrator must free space in the store before recording can continue."
                        : "The content store is unavailable, so the content was not stored and the request changed"
                                + " nothing; try again shortly.",
                failure,
                full);
    }

    /** @return true when the store is out of space (507), false when it failed otherwise (503) */
    public boolean full() {
        return full;
    }

    /** The HTTP status for the fault: 507 Insufficient Storage or 503 Service Unavailable. */
    public int status() {
        return full ? 507 : 503;
    }

    private static boolean isFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            for (String fragment : FULL) {
                if (message.contains(fragment)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
