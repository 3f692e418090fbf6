/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.storage.filesystem.FilesystemContentBackend;

/** An encrypted store over a filesystem backend in a scratch directory, with the integrity failures it reported. */
final class StoreFixture {

    /**
     * Plaintext bytes in the first segment of AES256_GCM_HKDF_1MB: 1 MiB minus the 40-byte header (length byte,
     * 32-byte salt, 7-byte nonce prefix) and the 16-byte tag.
     */
    static final int FIRST_SEGMENT_PLAINTEXT = 1024 * 1024 - 40 - 16;

    /** Plaintext bytes in every later segment: 1 MiB minus the tag. */
    static final int SEGMENT_PLAINTEXT = 1024 * 1024 - 16;

    /** Ciphertext bytes per segment, header included in the first. */
    static final int SEGMENT_CIPHERTEXT = 1024 * 1024;

    final Path directory;
    final MasterKeyFile masterKey;
    final ContentKeyring keyring;
    final FilesystemContentBackend backend;
    final List<ContentIntegrityException> integrityFailures = new ArrayList<>();
    final EncryptedContentStore store;

    private StoreFixture(Path directory, MasterKeyFile masterKey, ContentKeyring keyring) throws IOException {
        this.directory = directory;
        this.masterKey = masterKey;
        this.keyring = keyring;
        this.backend = new FilesystemContentBackend(directory.resolve("content"));
        this.store = new EncryptedContentStore(backend, keyring, integrityFailures::add);
    }

    /** A fresh store with a new master key and keyset under {@code directory}. */
    static StoreFixture in(Path directory) throws IOException {
        MasterKeyFile masterKey = MasterKeyFile.initialise(directory.resolve("master.key"));
        return new StoreFixture(
                directory, masterKey, ContentKeyring.open(directory.resolve("content-keyset.json"), masterKey));
    }

    /** Another store over the same files, as a restarted (or second) instance would open them. */
    StoreFixture reopened() throws IOException {
        MasterKeyFile reloaded = MasterKeyFile.load(directory.resolve("master.key"));
        return new StoreFixture(
                directory, reloaded, ContentKeyring.open(directory.resolve("content-keyset.json"), reloaded));
    }

    StoredContent write(byte[] plaintext) throws IOException {
        return store.write(new ByteArrayInputStream(plaintext), UploadLimits.none());
    }

    byte[] readAll(StoredContent content) throws IOException {
        try (InputStream in = store.openStream(content.key(), content.sha256())) {
            return in.readAllBytes();
        }
    }

    byte[] readRange(String key, long offset, int length) throws IOException {
        try (InputStream in = store.openRange(key, offset, length)) {
            return in.readAllBytes();
        }
    }

    /** The file holding the ciphertext of {@code key}. */
    Path ciphertextFile(String key) {
        return backend.root().resolve(key);
    }

    /** Every object and temporary object the backend holds. */
    List<ContentBackend.Entry> everythingStored() throws IOException {
        try (Stream<ContentBackend.Entry> entries = backend.list("")) {
            return entries.toList();
        }
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        return digest("SHA-256", bytes);
    }

    static String sha1(byte[] bytes) {
        return digest("SHA-1", bytes);
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
