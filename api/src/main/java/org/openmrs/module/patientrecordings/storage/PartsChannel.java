/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Read-only plaintext view of a content stored in parts: the parts' objects one after the other, each read through
 * its own {@link VerifiedPlaintextChannel}, so that every segment of every part is authenticated before a byte of it
 * is returned. One part is open at a time, opened when a read reaches it; a read anywhere decrypts only the segments
 * it touches, in the part it falls in. A part that fails its check, or whose plaintext length is not the one listed,
 * fails this channel for good (SAF-1).
 */
final class PartsChannel extends PositionedReadChannel implements CheckedPlaintextChannel {

    /** Opens the object of one part. */
    @FunctionalInterface
    interface PartOpener {
        VerifiedPlaintextChannel open(String key) throws IOException;
    }

    private final String key;
    private final List<ContentPart> parts;
    private final long[] starts;
    private final PartOpener opener;
    private final ContentIntegrityListener listener;
    private VerifiedPlaintextChannel current;
    private int currentIndex = -1;
    private IOException failure;

    /**
     * @param key the key the content is recorded under (its list of parts)
     * @param parts the parts in order, at least one
     */
    PartsChannel(String key, List<ContentPart> parts, PartOpener opener, ContentIntegrityListener listener) {
        super(totalSize(parts));
        this.key = Objects.requireNonNull(key, "key");
        this.parts = List.copyOf(parts);
        this.opener = Objects.requireNonNull(opener, "opener");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.starts = new long[this.parts.size()];
        for (int i = 1; i < starts.length; i++) {
            starts[i] = starts[i - 1] + this.parts.get(i - 1).size();
        }
    }

    private static long totalSize(List<ContentPart> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a content in parts has at least one part");
        }
        long total = 0;
        for (ContentPart part : parts) {
            total = Math.addExact(total, part.size());
        }
        return total;
    }

    /** Opens the part the position lies in now, so that a broken part there fails before a response has started. */
    synchronized void openAtPosition() throws IOException {
        if (currentPosition() < knownSize()) {
            part(indexOf(currentPosition()));
        }
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (failure != null) {
            throw new ContentIntegrityException(key, failure.getMessage(), failure);
        }
        long position = currentPosition();
        if (position >= knownSize()) {
            return -1;
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        int index = indexOf(position);
        try {
            VerifiedPlaintextChannel channel = part(index);
            channel.position(position - starts[index]);
            int n = channel.read(dst);
            if (n < 0) {
                throw fail(new ContentIntegrityException(
                        parts.get(index).key(),
                        "Part " + parts.get(index).key() + " of content " + key + " ends before its listed size",
                        null));
            }
            advance(n);
            return n;
        } catch (ContentIntegrityException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    protected void release() throws IOException {
        closeCurrent();
    }

    @Override
    public synchronized ContentIntegrityException hashMismatch(String expected, String actual) {
        return fail(new ContentIntegrityException(
                key, "Content " + key + " has SHA-256 " + actual + ", the recorded hash is " + expected, null));
    }

    private VerifiedPlaintextChannel part(int index) throws IOException {
        if (index == currentIndex) {
            return current;
        }
        closeCurrent();
        ContentPart part = parts.get(index);
        VerifiedPlaintextChannel channel = opener.open(part.key());
        long actual;
        try {
            actual = channel.size();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (actual != part.size()) {
            channel.close();
            ContentIntegrityException e = fail(new ContentIntegrityException(
                    part.key(),
                    "Part " + part.key() + " of content " + key + " holds " + actual + " bytes, not the " + part.size()
                            + " listed",
                    null));
            failure = e;
            throw e;
        }
        current = channel;
        currentIndex = index;
        return channel;
    }

    private int indexOf(long offset) {
        int found = Arrays.binarySearch(starts, offset);
        return found >= 0 ? found : -found - 2;
    }

    private void closeCurrent() throws IOException {
        VerifiedPlaintextChannel channel = current;
        current = null;
        currentIndex = -1;
        if (channel != null) {
            channel.close();
        }
    }

    private ContentIntegrityException fail(ContentIntegrityException integrityFailure) {
        try {
            listener.integrityFailed(integrityFailure);
        } catch (RuntimeException listenerFailure) {
            integrityFailure.addSuppressed(listenerFailure);
        }
        return integrityFailure;
    }
}
