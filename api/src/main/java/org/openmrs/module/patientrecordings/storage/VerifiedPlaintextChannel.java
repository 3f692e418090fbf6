/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;

/**
 * Read-only plaintext view of one stored object. Every read goes through Tink's seekable decrypting channel, which
 * authenticates each segment it touches before returning any of its bytes; a failure that is not the backend's is
 * turned into a {@link ContentIntegrityException}, reported once to the listener, and from then on every read fails
 * the same way (SAF-1).
 */
final class VerifiedPlaintextChannel implements CheckedPlaintextChannel {

    private final String key;
    private final SeekableByteChannel plaintext;
    private final BackendCiphertextChannel ciphertext;
    private final ContentIntegrityListener listener;
    private ContentIntegrityException failure;

    VerifiedPlaintextChannel(
            String key,
            SeekableByteChannel plaintext,
            BackendCiphertextChannel ciphertext,
            ContentIntegrityListener listener) {
        this.key = Objects.requireNonNull(key, "key");
        this.plaintext = Objects.requireNonNull(plaintext, "plaintext");
        this.ciphertext = Objects.requireNonNull(ciphertext, "ciphertext");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        throwIfFailed();
        try {
            return plaintext.read(dst);
        } catch (IOException e) {
            throw classify(e);
        }
    }

    @Override
    public synchronized long size() throws IOException {
        throwIfFailed();
        try {
            return plaintext.size();
        } catch (IOException e) {
            throw classify(e);
        }
    }

    @Override
    public synchronized long position() throws IOException {
        return plaintext.position();
    }

    @Override
    public synchronized SeekableByteChannel position(long newPosition) throws IOException {
        plaintext.position(newPosition);
        return this;
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
        return plaintext.isOpen();
    }

    @Override
    public void close() throws IOException {
        // Closed here too, whether or not Tink's channel closes its source.
        try (ciphertext) {
            plaintext.close();
        }
    }

    @Override
    public synchronized ContentIntegrityException hashMismatch(String expected, String actual) {
        return fail(new ContentIntegrityException(
                key, "Content " + key + " has SHA-256 " + actual + ", the recorded hash is " + expected, null));
    }

    private IOException classify(IOException e) {
        if (ciphertext.storeFailed()) {
            return e;
        }
        return fail(new ContentIntegrityException(
                key, "Content " + key + " failed authentication and is not served: " + e.getMessage(), e));
    }

    private ContentIntegrityException fail(ContentIntegrityException integrityFailure) {
        failure = integrityFailure;
        try {
            listener.integrityFailed(integrityFailure);
        } catch (RuntimeException listenerFailure) {
            integrityFailure.addSuppressed(listenerFailure);
        }
        return integrityFailure;
    }

    private void throwIfFailed() throws ContentIntegrityException {
        if (failure != null) {
            throw new ContentIntegrityException(key, failure.getMessage(), failure);
        }
    }
}
