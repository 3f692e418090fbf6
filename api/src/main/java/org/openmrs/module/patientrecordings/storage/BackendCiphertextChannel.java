/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;

/**
 * The ciphertext channel from the backend, as Tink's decrypter needs it.
 *
 * <ul>
 *   <li>Reads fill the buffer (or reach the end): Tink reads a segment with a single call and treats a short read as
 *       "no data yet", which a blocking backend such as S3 (whose reads return what the network delivered) would
 *       otherwise turn into reads of zero bytes.
 *   <li>Remembers whether the backend itself failed. Tink reports a failed authentication and a failed read of its
 *       source alike, as {@link IOException}; this tells the two apart without reading exception messages: if the
 *       backend did not fail, the failure is the content's.
 * </ul>
 */
final class BackendCiphertextChannel implements SeekableByteChannel {

    private final SeekableByteChannel ciphertext;
    private volatile boolean storeFailed;

    BackendCiphertextChannel(SeekableByteChannel ciphertext) {
        this.ciphertext = Objects.requireNonNull(ciphertext, "ciphertext");
    }

    /** Whether a call on the backend's channel has thrown. */
    boolean storeFailed() {
        return storeFailed;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        try {
            int total = 0;
            while (dst.hasRemaining()) {
                int n = ciphertext.read(dst);
                if (n < 0) {
                    return total == 0 ? -1 : total;
                }
                total += n;
            }
            return total;
        } catch (IOException | RuntimeException e) {
            storeFailed = true;
            throw e;
        }
    }

    @Override
    public long position() throws IOException {
        try {
            return ciphertext.position();
        } catch (IOException | RuntimeException e) {
            storeFailed = true;
            throw e;
        }
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        try {
            ciphertext.position(newPosition);
            return this;
        } catch (IOException | RuntimeException e) {
            storeFailed = true;
            throw e;
        }
    }

    @Override
    public long size() throws IOException {
        try {
            return ciphertext.size();
        } catch (IOException | RuntimeException e) {
            storeFailed = true;
            throw e;
        }
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return ciphertext.isOpen();
    }

    @Override
    public void close() throws IOException {
        ciphertext.close();
    }
}
