/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body of an upload, cut off at the bytes the client announced: more is "oversized", an early end is
 * "truncated". Either ends the stream with an {@link Rejected} exception, which makes the store discard what it
 * wrote (SAF-4: nothing half-written).
 */
final class BoundedUpload extends FilterInputStream {

    private final long expected;
    private final long limit;
    private long read;

    /**
     * @param expected the announced length, or -1 when the client did not say (chunked transfer)
     * @param limit the most bytes accepted
     */
    BoundedUpload(InputStream body, long expected, long limit) {
        super(body);
        this.expected = expected;
        this.limit = expected >= 0 ? Math.min(expected, limit) : limit;
    }

    long bytesRead() {
        return read;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, (int) Math.min(len, limit - read + 1));
        } catch (IOException e) {
            throw new Rejected("The upload broke off after " + read + " bytes: truncated", e);
        }
        if (n < 0) {
            if (read == 0 && len > 0) {
                throw new Rejected("Empty upload: no bytes arrived", null);
            }
            if (expected >= 0 && read < expected) {
                throw new Rejected("Truncated upload: " + read + " of " + expected + " bytes arrived", null);
            }
            return n;
        }
        read += n;
        if (read > limit) {
            throw new Rejected(
                    expected >= 0 && limit == expected
                            ? "More bytes than announced (" + expected + ")"
                            : "Oversized upload: more than " + limit + " bytes",
                    null);
        }
        return n;
    }

    /** Why an upload was refused; the store discards what it wrote. */
    static final class Rejected extends IOException {
        private static final long serialVersionUID = 1L;

        Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
