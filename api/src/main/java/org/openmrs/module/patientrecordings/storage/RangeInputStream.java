/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;

/**
 * Exactly {@code length} plaintext bytes from a positioned channel, for an HTTP Range response. Ends early with an
 * {@link java.io.EOFException} if the content is shorter than the range, so a response is never silently short.
 */
final class RangeInputStream extends InputStream {

    private final SeekableByteChannel channel;
    private long remaining;

    RangeInputStream(SeekableByteChannel channel, long length) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (remaining == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)));
        if (n < 0) {
            throw new EOFException("Content ended " + remaining + " bytes before the end of the range");
        }
        remaining -= n;
        return n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
