/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Turns Tink's push-style encrypting stream into the pull-style stream a {@code ContentBackend} reads: each read
 * pulls a chunk of plaintext, pushes it through the encrypter and serves the ciphertext that came out. No thread and
 * no pipe; at most about one ciphertext segment is buffered.
 *
 * <p>The encrypter is closed, which writes the authenticated final segment, only when the plaintext has really
 * ended. If the plaintext fails, the failure propagates and the ciphertext stays without a final segment.
 */
final class EncryptingInputStream extends InputStream {

    /** Large enough for sequential I/O to run in few calls, small enough to keep each upload's memory low. */
    private static final int CHUNK_SIZE = 256 * 1024;

    /** Opens the encrypting stream over the sink that this stream drains. */
    @FunctionalInterface
    interface EncrypterFactory {
        OutputStream open(OutputStream ciphertextSink) throws IOException;
    }

    private final InputStream plaintext;
    private final Buffer ciphertext = new Buffer();
    private final OutputStream encrypter;
    private final byte[] chunk = new byte[CHUNK_SIZE];
    private boolean plaintextEnded;

    EncryptingInputStream(InputStream plaintext, EncrypterFactory factory) throws IOException {
        this.plaintext = Objects.requireNonNull(plaintext, "plaintext");
        this.encrypter = factory.open(ciphertext);
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
        if (len == 0) {
            return 0;
        }
        while (ciphertext.available() == 0 && !plaintextEnded) {
            pullPlaintext();
        }
        return ciphertext.available() == 0 ? -1 : ciphertext.drainTo(b, off, len);
    }

    private void pullPlaintext() throws IOException {
        int n = plaintext.read(chunk);
        if (n < 0) {
            plaintextEnded = true;
            encrypter.close();
        } else {
            encrypter.write(chunk, 0, n);
        }
    }

    /** A growable byte buffer, written by the encrypter and drained by {@link #read}. */
    private static final class Buffer extends OutputStream {
        private byte[] bytes = new byte[CHUNK_SIZE];
        private int start;
        private int end;

        int available() {
            return end - start;
        }

        int drainTo(byte[] b, int off, int len) {
            int n = Math.min(len, available());
            System.arraycopy(bytes, start, b, off, n);
            start += n;
            if (start == end) {
                start = 0;
                end = 0;
            }
            return n;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (end + len > bytes.length) {
                compactOrGrow(len);
            }
            System.arraycopy(b, off, bytes, end, len);
            end += len;
        }

        private void compactOrGrow(int incoming) {
            int live = available();
            byte[] target =
                    live + incoming > bytes.length ? new byte[Math.max(bytes.length * 2, live + incoming)] : bytes;
            System.arraycopy(bytes, start, target, 0, live);
            bytes = target;
            start = 0;
            end = live;
        }
    }
}
