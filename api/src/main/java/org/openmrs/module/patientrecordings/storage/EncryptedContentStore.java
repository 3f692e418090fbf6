/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import com.google.crypto.tink.StreamingAead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.openmrs.module.patientrecordings.port.ContentBackend;

/**
 * Recording content, encrypted at rest with Tink's streaming AEAD over a {@link ContentBackend}, in constant memory
 * whatever the size.
 *
 * <p>Each object is bound to its content key by the associated data, so ciphertext moved or copied under another
 * key does not decrypt. Reads authenticate every segment before returning a byte of it; any failure that is not the
 * backend's own is a {@link ContentIntegrityException}, reported to the {@link ContentIntegrityListener}, and no
 * unverified byte is ever returned (SAF-1). Full reads also check the recorded plaintext SHA-256.
 *
 * <p>Nulls: no parameter may be null; nothing returns null. Thread-safe; the streams and channels it returns are
 * for one thread at a time.
 */
public final class EncryptedContentStore {

    /** Prefix of every content key this store writes; what a {@link ContentSweeper} for it sweeps. */
    public static final String KEY_PREFIX = "recordings/";

    /**
     * Ending of the key of a content stored in parts: its object is the encrypted list of the parts ({@link
     * #writeParts}), not plaintext of the content.
     */
    public static final String PARTS_SUFFIX = ".parts";

    private static final String ASSOCIATED_DATA_PREFIX = "org.openmrs.module.patientrecordings:content:v1:";

    private static final String PARTS_ASSOCIATED_DATA_PREFIX = "org.openmrs.module.patientrecordings:parts:v1:";

    private static final String PARTS_HEADER = "patientrecordings-parts 1";

    /** At most this many bytes of part list are read: some ten million parts. */
    private static final int MAX_PARTS_LIST = 1 << 30;

    private final ContentBackend backend;
    private final ContentKeyring keyring;
    private final ContentIntegrityListener integrityListener;

    public EncryptedContentStore(
            ContentBackend backend, ContentKeyring keyring, ContentIntegrityListener integrityListener) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.integrityListener = Objects.requireNonNull(integrityListener, "integrityListener");
    }

    /**
     * Encrypts {@code plaintext} to its end under a new random key and commits it, computing its size, SHA-256 and
     * SHA-1 on the way. The caller records the result in the database afterwards; content whose row never commits
     * is removed by the {@link ContentSweeper}.
     *
     * @param plaintext read once to its end; not closed
     * @param limits what the upload must satisfy
     * @return the key and facts of the committed content
     * @throws ContentRejectedException if the upload breaks {@code limits}; nothing is committed (SAF-4)
     * @throws IOException if reading {@code plaintext} or the backend fails; nothing is committed
     */
    public StoredContent write(InputStream plaintext, UploadLimits limits) throws IOException {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(limits, "limits");
        checkDeclaredSize(limits);
        String key = newKey();
        return writeObject(key, associatedData(key), plaintext, limits);
    }

    private static void checkDeclaredSize(UploadLimits limits) throws ContentRejectedException {
        if (limits.expectedSize().isPresent() && limits.expectedSize().getAsLong() > limits.maxSize()) {
            throw new ContentRejectedException(
                    ContentRejectedException.Reason.TOO_LARGE,
                    "Declared size of " + limits.expectedSize().getAsLong() + " bytes exceeds the maximum size of "
                            + limits.maxSize() + " bytes");
        }
    }

    /**
     * Encrypts and commits one part of a content stored in parts ({@link #writeParts}), updating {@code digests} with
     * every byte of its plaintext on the hashing thread, without digests of the part's own: the digests of the whole
     * content run on from part to part, and each part, like every object, is authenticated segment by segment and
     * bound to its key whenever it is read.
     *
     * @param digests the whole content's digests so far, at least one; complete when this returns, and after a failure
     *     in an undefined state, for the caller to discard
     * @return the part's key and plaintext size
     * @throws ContentRejectedException if the upload breaks {@code limits}; nothing is committed (SAF-4)
     * @throws IOException if reading {@code plaintext} or the backend fails; nothing is committed
     */
    public ContentPart writePart(InputStream plaintext, UploadLimits limits, List<MessageDigest> digests)
            throws IOException {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(limits, "limits");
        checkDeclaredSize(limits);
        String key = newKey();
        GuardedPlaintextStream guarded = GuardedPlaintextStream.digestedOnlyInto(plaintext, limits, digests);
        encryptAndCommit(key, associatedData(key), guarded);
        return new ContentPart(key, guarded.size());
    }

    /**
     * Records a content stored in parts: the parts' objects, in order, as written by {@link #write} (one chunk each of
     * a chunked upload), make up the content, and none of them is read or written again. What is committed is the
     * list of the parts, encrypted and bound to a key of its own ending in {@link #PARTS_SUFFIX}; that key is the
     * content's key for every read, which goes through the parts' objects in turn. The digests of the whole
     * plaintext are the caller's, computed as the parts were written; a full read checks the SHA-256 as ever.
     *
     * @param parts the parts in order, at least one
     * @param sha256 of the whole plaintext, hex
     * @param sha1 of the whole plaintext, hex
     * @return the content's key and facts
     * @throws IOException if the backend fails; nothing is committed
     */
    public StoredContent writeParts(List<ContentPart> parts, String sha256, String sha1) throws IOException {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(sha1, "sha1");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a content in parts has at least one part");
        }
        StringBuilder list = new StringBuilder(PARTS_HEADER).append('\n');
        long size = 0;
        for (ContentPart part : parts) {
            list.append(part.key()).append(' ').append(part.size()).append('\n');
            size = Math.addExact(size, part.size());
        }
        String key = newKey() + PARTS_SUFFIX;
        writeObject(
                key,
                partsAssociatedData(key),
                new ByteArrayInputStream(list.toString().getBytes(StandardCharsets.UTF_8)),
                UploadLimits.none());
        return new StoredContent(key, size, sha256.toLowerCase(Locale.ROOT), sha1.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code key} is that of a content stored in parts ({@link #writeParts}). */
    public static boolean isStoredInParts(String key) {
        return key.endsWith(PARTS_SUFFIX);
    }

    /**
     * The stored objects a content is made of, to erase it: its own key, and for a content stored in parts the keys of
     * the parts first.
     *
     * @throws ContentIntegrityException if the list of parts fails its check
     */
    public List<String> objects(String key) throws IOException {
        ContentBackend.requireValidKey(key);
        if (!isStoredInParts(key)) {
            return List.of(key);
        }
        List<String> keys = new ArrayList<>();
        parts(key).forEach(part -> keys.add(part.key()));
        keys.add(key);
        return keys;
    }

    /**
     * The parts of a content stored in parts, in order, read from its authenticated list.
     *
     * @throws java.nio.file.NoSuchFileException if there is no content under {@code key}
     * @throws ContentIntegrityException if the list fails its check
     */
    public List<ContentPart> parts(String key) throws IOException {
        if (!isStoredInParts(key)) {
            throw new IllegalArgumentException("Content " + key + " is not stored in parts");
        }
        byte[] list;
        try (VerifiedPlaintextChannel channel = openObject(key, partsAssociatedData(key))) {
            if (channel.size() > MAX_PARTS_LIST) {
                throw new ContentIntegrityException(
                        key, "The list of parts of content " + key + " is over " + MAX_PARTS_LIST + " bytes", null);
            }
            list = Channels.newInputStream(channel).readAllBytes();
        }
        String[] lines = new String(list, StandardCharsets.UTF_8).split("\n");
        List<ContentPart> parts = new ArrayList<>(lines.length);
        try {
            if (!PARTS_HEADER.equals(lines[0])) {
                throw new IllegalArgumentException("unknown header " + lines[0]);
            }
            for (int i = 1; i < lines.length; i++) {
                String[] fields = lines[i].split(" ");
                if (fields.length != 2) {
                    throw new IllegalArgumentException("line " + (i + 1) + " is not a key and a size");
                }
                parts.add(new ContentPart(fields[0], Long.parseLong(fields[1])));
            }
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("no part is listed");
            }
        } catch (IllegalArgumentException e) {
            throw new ContentIntegrityException(key, "The list of parts of content " + key + " is unreadable", e);
        }
        return parts;
    }

    private StoredContent writeObject(String key, byte[] associatedData, InputStream plaintext, UploadLimits limits)
            throws IOException {
        GuardedPlaintextStream guarded = new GuardedPlaintextStream(plaintext, limits);
        encryptAndCommit(key, associatedData, guarded);
        return new StoredContent(key, guarded.size(), guarded.sha256Hex(), guarded.sha1Hex());
    }

    /** Encrypts {@code guarded} to its end into a new object under {@code key}, committed only if it all went well. */
    private void encryptAndCommit(String key, byte[] associatedData, GuardedPlaintextStream guarded)
            throws IOException {
        StreamingAead aead = keyring.streamingAead();
        try (InputStream ciphertext =
                new EncryptingInputStream(guarded, sink -> newEncryptingStream(aead, sink, associatedData))) {
            backend.write(key, ciphertext);
        } finally {
            guarded.abandon();
        }
    }

    /**
     * Opens the whole plaintext for streaming. Every segment is authenticated before its bytes are returned, and the
     * plaintext SHA-256 is checked against {@code expectedSha256} before the end of the stream is reported.
     *
     * @param expectedSha256 the SHA-256 recorded when the content was written, hex
     * @throws java.nio.file.NoSuchFileException if there is no content under {@code key}
     * @throws ContentIntegrityException when opening, or later from {@code read}, if the content fails a check
     */
    public InputStream openStream(String key, String expectedSha256) throws IOException {
        Objects.requireNonNull(expectedSha256, "expectedSha256");
        CheckedPlaintextChannel channel = open(key);
        return new HashVerifyingInputStream(
                Channels.newInputStream(channel), channel, expectedSha256.toLowerCase(Locale.ROOT));
    }

    /**
     * Opens the plaintext as a read-only seekable channel whose {@code size()} is the plaintext length. Reads decrypt
     * and authenticate only the segments they touch, so a read anywhere costs at most two segments of work.
     *
     * @throws java.nio.file.NoSuchFileException if there is no content under {@code key}
     * @throws ContentIntegrityException when opening, or later from {@code read}, if the content fails a check
     */
    public SeekableByteChannel openSeekable(String key) throws IOException {
        return open(key);
    }

    /**
     * Opens {@code length} plaintext bytes starting at {@code offset}, as an HTTP Range response needs; decrypts only
     * the segments the range covers.
     *
     * @throws IllegalArgumentException if the range is negative or goes past the end of the content
     * @throws ContentIntegrityException when opening, or later from {@code read}, if the content fails a check
     */
    public InputStream openRange(String key, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("Invalid range: offset " + offset + ", length " + length);
        }
        CheckedPlaintextChannel channel = open(key);
        try {
            long size = channel.size();
            if (offset > size || length > size - offset) {
                throw new IllegalArgumentException(
                        "Range " + offset + "+" + length + " is outside content of " + size + " bytes");
            }
            channel.position(offset);
            if (channel instanceof PartsChannel inParts) {
                inParts.openAtPosition();
            }
            return new RangeInputStream(channel, length);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    /** Whether content is committed under {@code key}. */
    public boolean exists(String key) throws IOException {
        return backend.exists(key);
    }

    private CheckedPlaintextChannel open(String key) throws IOException {
        ContentBackend.requireValidKey(key);
        if (!isStoredInParts(key)) {
            return openObject(key, associatedData(key));
        }
        PartsChannel channel =
                new PartsChannel(key, parts(key), part -> openObject(part, associatedData(part)), integrityListener);
        try {
            channel.openAtPosition();
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    private VerifiedPlaintextChannel openObject(String key, byte[] associatedData) throws IOException {
        ContentBackend.requireValidKey(key);
        BackendCiphertextChannel ciphertext = new BackendCiphertextChannel(backend.openForRead(key));
        VerifiedPlaintextChannel plaintext;
        try {
            plaintext = new VerifiedPlaintextChannel(
                    key,
                    keyring.streamingAead().newSeekableDecryptingChannel(ciphertext, associatedData),
                    ciphertext,
                    integrityListener);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            closeQuietly(ciphertext, e);
            throw e instanceof IOException io ? io : new IOException("Cannot open content " + key, e);
        }
        try {
            authenticateFirstSegment(plaintext);
            return plaintext;
        } catch (IOException | RuntimeException e) {
            closeQuietly(plaintext, e);
            throw e;
        }
    }

    /**
     * Reads one byte to make Tink find the key and authenticate the header and first segment now, so that a broken
     * object fails before a response has started, and {@code size()} is known.
     */
    private static void authenticateFirstSegment(SeekableByteChannel plaintext) throws IOException {
        plaintext.read(ByteBuffer.allocate(1));
        plaintext.position(0);
    }

    private static OutputStream newEncryptingStream(StreamingAead aead, OutputStream sink, byte[] associatedData)
            throws IOException {
        try {
            return aead.newEncryptingStream(sink, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot start encrypting", e);
        }
    }

    private static String newKey() {
        String uuid = UUID.randomUUID().toString();
        // Two hex characters of fan-out keep directories (filesystem backend) small.
        return KEY_PREFIX + uuid.substring(0, 2) + "/" + uuid;
    }

    private static byte[] associatedData(String key) {
        return (ASSOCIATED_DATA_PREFIX + key).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] partsAssociatedData(String key) {
        return (PARTS_ASSOCIATED_DATA_PREFIX + key).getBytes(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(AutoCloseable closeable, Throwable primary) {
        try {
            closeable.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }
}
