/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Raw bytes by opaque key: the place where (already encrypted) recording content lives. Implemented for a local
 * directory, for an S3-compatible object store and, in the OpenMRS adapter, over OpenMRS' {@code StorageService}.
 *
 * <p><b>Keys</b> are made by the caller from random UUIDs and never carry patient data. A key is one or more
 * segments separated by {@code /}; each segment starts with a letter or digit and continues with letters, digits,
 * {@code .}, {@code _} or {@code -}; at most {@value #MAX_KEY_LENGTH} characters (see {@link #requireValidKey}). A
 * key names at most one object, written once: objects are immutable.
 *
 * <p><b>Write order</b>: a write first fills a temporary object, makes it durable, then commits it under its key in
 * one atomic step (rename, or the completion of a multipart upload). Readers see either no object or the whole
 * object, never a part. A crash can leave temporary objects behind; {@link #list} reports them as {@link Temporary}
 * so that a sweeper can remove them.
 *
 * <p><b>Nulls</b>: no parameter may be null ({@link NullPointerException}); no method returns null.
 *
 * <p><b>Exceptions</b>: failures of the underlying store are {@link IOException}s. A missing object is reported as
 * {@link NoSuchFileException} whose file name is the key. Invalid keys are {@link IllegalArgumentException}s.
 *
 * <p>Implementations are safe for use by concurrent threads.
 */
public interface ContentBackend {

    /** The longest key accepted. */
    int MAX_KEY_LENGTH = 512;

    /**
     * Reads {@code content} to its end and commits the bytes under {@code key}: temporary object, made durable, then
     * atomically committed.
     *
     * <p>If reading {@code content} throws, or the store fails, nothing is committed: the temporary object is
     * removed (if the process survives) and the exception propagates. An {@link IOException} or
     * {@link RuntimeException} thrown by {@code content} propagates unchanged, so a caller can abort a write by
     * failing its own stream. The stream is not closed; it stays the caller's.
     *
     * @param key where to commit the content; must not name an existing object
     * @param content the bytes, read once to their end
     * @return the number of bytes committed
     * @throws FileAlreadyExistsException if an object is already committed under {@code key} (checked before the
     *     write: keys are write-once and not meant for concurrent writers)
     * @throws IOException if reading {@code content} or the store fails; nothing is committed
     */
    long write(String key, InputStream content) throws IOException;

    /**
     * Opens a committed object for reading. The channel knows the object's {@linkplain SeekableByteChannel#size()
     * size}, can be positioned anywhere and is read-only (writes throw
     * {@link java.nio.channels.NonWritableChannelException}). Close it when done.
     *
     * @throws NoSuchFileException if no object is committed under {@code key}
     */
    SeekableByteChannel openForRead(String key) throws IOException;

    /** Whether an object is committed under {@code key}; temporary objects do not count. */
    boolean exists(String key) throws IOException;

    /**
     * Removes the object committed under {@code key}. Idempotent.
     *
     * @return whether there was an object to remove
     */
    boolean delete(String key) throws IOException;

    /**
     * Lists committed objects whose key starts with {@code prefix}, and temporary objects left by writes to such
     * keys, in no particular order. The listing is weakly consistent: objects written or removed while it runs may
     * or may not appear. The stream may hold open resources: close it (try-with-resources). An {@link IOException}
     * met while the stream is consumed is thrown as {@link java.io.UncheckedIOException}.
     *
     * @param prefix a key prefix; {@code ""} lists everything
     */
    Stream<Entry> list(String prefix) throws IOException;

    /**
     * Removes a temporary object found by {@link #list}. Idempotent. Removing the temporary object of a write still
     * in progress makes that write fail; callers only discard temporaries older than any write can take.
     */
    void discard(Temporary temporary) throws IOException;

    /** What {@link #list} finds: a committed object or a temporary one. */
    sealed interface Entry permits Committed, Temporary {

        /** The key the object is (or was going to be) committed under. */
        String key();

        /** When the object was last written (for a temporary object: when its write started or last wrote). */
        Instant lastModified();
    }

    /**
     * An object committed under {@code key}.
     *
     * @param size its length in bytes
     */
    record Committed(String key, long size, Instant lastModified) implements Entry {
        public Committed {
            requireValidKey(key);
            Objects.requireNonNull(lastModified, "lastModified");
        }
    }

    /**
     * A temporary object of a write to {@code key} that was not committed (a write in progress, or one abandoned
     * by a crash).
     *
     * @param handle the backend's own name for it (a file name, a multipart upload id), opaque to callers
     */
    record Temporary(String key, String handle, Instant lastModified) implements Entry {
        public Temporary {
            requireValidKey(key);
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(lastModified, "lastModified");
        }
    }

    /**
     * Checks a key against the rules in the interface description.
     *
     * @return the key
     * @throws IllegalArgumentException if it breaks them
     * @throws NullPointerException if it is null
     */
    static String requireValidKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.length() > MAX_KEY_LENGTH || !hasValidSegments(key)) {
            throw new IllegalArgumentException("Not a valid content key: '" + key + "'");
        }
        return key;
    }

    private static boolean hasValidSegments(String key) {
        boolean segmentStart = true;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (segmentStart) {
                // A segment may not start with '.', so '.', '..' and hidden names (used for temporaries) are out.
                if (!alphanumeric) {
                    return false;
                }
                segmentStart = false;
            } else if (c == '/') {
                segmentStart = true;
            } else if (!alphanumeric && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return !segmentStart;
    }
}
