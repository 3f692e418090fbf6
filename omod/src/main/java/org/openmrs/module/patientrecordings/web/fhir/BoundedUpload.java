/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The request body of an upload, cut off at the bytes the client announced: more is "oversized", an early end is
 * "truncated", and a body that arrives slower than {@value #MIN_BYTES_PER_SECOND} bytes a second (counted over the
 * time spent waiting for it, past the first {@link #GRACE}) is "too slow": a stalled or hostile client does not hold
 * the request's place, its thread and its database transaction for as long as it likes. Each ends the stream with a
 * {@link Rejected} exception, which makes the store discard what it wrote (SAF-4: nothing half-written); the client
 * resumes from the last committed chunk.
 */
final class BoundedUpload extends FilterInputStream {

    /** The slowest body accepted: far below any network a recording is uploaded over. */
    static final long MIN_BYTES_PER_SECOND = 1024;

    /** The waiting allowed before the rate counts, for a client's first bytes and short stalls. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final long expected;
    private final long limit;
    private final LongSupplier nanoTime;
    private long read;
    private long waitedNanos;

    /**
     * @param expected the announced length, or -1 when the client did not say (chunked transfer)
     * @param limit the most bytes accepted
     */
    BoundedUpload(InputStream body, long expected, long limit) {
        this(body, expected, limit, System::nanoTime);
    }

    BoundedUpload(InputStream body, long expected, long limit, LongSupplier nanoTime) {
        super(body);
        this.expected = expected;
        this.limit = expected >= 0 ? Math.min(expected, limit) : limit;
        this.nanoTime = nanoTime;
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
        long began = nanoTime.getAsLong();
        try {
            n = super.read(b, off, (int) Math.min(len, limit - read + 1));
        } catch (IOException e) {
            throw new Rejected("The upload broke off after " + read + " bytes: truncated", e);
        } finally {
            waitedNanos += nanoTime.getAsLong() - began;
        }
        // The end of the body is never too slow: everything has arrived.
        if (n > 0
                && waitedNanos > GRACE.toNanos()
                && (read + n) * 1_000_000_000.0 / waitedNanos < MIN_BYTES_PER_SECOND) {
            throw new Rejected(
                    "The upload arrived too slowly: " + (read + n) + " bytes in "
                            + Duration.ofNanos(waitedNanos).toSeconds() + " s, under " + MIN_BYTES_PER_SECOND
                            + " bytes a second; send it again from the next byte expected",
                    null);
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
