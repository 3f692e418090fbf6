/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and remembers the first failure of the underlying stream, so that the caller's
 * own exception can be rethrown unchanged after the storage service wrapped it.
 */
final class ObservedInputStream extends FilterInputStream {

    private long count;
    private Exception failure;

    ObservedInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            failure = failure == null ? e : failure;
            throw e;
        }
        if (n > 0) {
            count += n;
        }
        return n;
    }

    /** Closing is the caller's business: the content stream stays open. */
    @Override
    public void close() {}

    long count() {
        return count;
    }

    /** Rethrows the first exception the underlying stream threw, if any. */
    void rethrowFailure() throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
    }
}
