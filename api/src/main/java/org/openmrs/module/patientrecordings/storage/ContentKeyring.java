/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.openmrs.module.patientrecordings.storage.filesystem.DurableFiles;

/**
 * The content keys: a Tink streaming-AEAD keyset (AES256_GCM_HKDF_1MB, which derives a fresh key per recording from
 * a random per-stream salt and authenticates every 1 MiB segment and the final one), kept in a file encrypted under
 * the {@link MasterKeyFile}.
 *
 * <p>New content is encrypted under the primary key; all keys decrypt, so {@link #rotateContentKey()} never makes
 * old content unreadable and never rewrites it. Several instances sharing one store share this file (with the master
 * key file); an instance picks up a rotation made elsewhere when it reopens the keyring.
 *
 * <p>Thread-safe: reads use an immutable snapshot, changes are serialised.
 */
public final class ContentKeyring {

    /** Binds the encrypted keyset to its purpose, so no other blob encrypted under the master key passes for it. */
    private static final byte[] KEYSET_ASSOCIATED_DATA =
            "org.openmrs.module.patientrecordings:content-keyset:v1".getBytes(StandardCharsets.UTF_8);

    private final Path keysetFile;
    private final AtomicReference<Snapshot> current;

    private record Snapshot(KeysetHandle keyset, StreamingAead primitive, MasterKeyFile master) {}

    private ContentKeyring(Path keysetFile, Snapshot snapshot) {
        this.keysetFile = keysetFile;
        this.current = new AtomicReference<>(snapshot);
    }

    /**
     * Opens the keyset in {@code keysetFile}, decrypting it with {@code master}; creates it with one fresh key if the
     * file does not exist.
     *
     * @throws IOException if the file cannot be read, or {@code master} cannot decrypt it
     */
    public static ContentKeyring open(Path keysetFile, MasterKeyFile master) throws IOException {
        Objects.requireNonNull(keysetFile, "keysetFile");
        Objects.requireNonNull(master, "master");
        TinkRegistration.ensureRegistered();
        if (Files.exists(keysetFile)) {
            String encrypted = MasterKeyFile.readKeyFile("Content keyset", keysetFile);
            try {
                KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
                        encrypted, master.aead(), KEYSET_ASSOCIATED_DATA);
                return new ContentKeyring(keysetFile, snapshot(keyset, master));
            } catch (GeneralSecurityException e) {
                throw new IOException(
                        "Content keyset " + keysetFile + " cannot be decrypted with master key " + master.file(), e);
            }
        }
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
            ContentKeyring created = new ContentKeyring(keysetFile, snapshot(keyset, master));
            created.save(created.current.get());
            return created;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink cannot generate a streaming AEAD key", e);
        }
    }

    /** Adds a new primary content key for new content and saves the keyset. Existing content is not touched. */
    public synchronized void rotateContentKey() throws IOException {
        Snapshot snapshot = current.get();
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(snapshot.keyset())
                    .addEntry(KeysetHandle.generateEntryFromParameters(
                                    PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB)
                            .withRandomId()
                            .makePrimary())
                    .build();
            Snapshot next = snapshot(rotated, snapshot.master());
            save(next);
            current.set(next);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink cannot add a streaming AEAD key", e);
        }
    }

    /**
     * Re-encrypts the keyset under the primary key of {@code master} (after {@link MasterKeyFile#rotate()}, or a
     * different master key file) and saves it. Content is not touched.
     */
    public synchronized void rewrap(MasterKeyFile master) throws IOException {
        Objects.requireNonNull(master, "master");
        Snapshot next = snapshot(current.get().keyset(), master);
        save(next);
        current.set(next);
    }

    /** How many content keys the keyset holds. */
    public int contentKeyCount() {
        return current.get().keyset().size();
    }

    StreamingAead streamingAead() {
        return current.get().primitive();
    }

    private void save(Snapshot snapshot) throws IOException {
        try {
            String encrypted = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(
                    snapshot.keyset(), snapshot.master().aead(), KEYSET_ASSOCIATED_DATA);
            DurableFiles.writeOwnerOnlyAtomically(keysetFile, encrypted.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IOException("Content keyset cannot be encrypted under " + snapshot.master(), e);
        }
    }

    private static Snapshot snapshot(KeysetHandle keyset, MasterKeyFile master) throws IOException {
        try {
            return new Snapshot(keyset, keyset.getPrimitive(RegistryConfiguration.get(), StreamingAead.class), master);
        } catch (GeneralSecurityException e) {
            throw new IOException("Content keyset holds no usable streaming AEAD key", e);
        }
    }

    @Override
    public String toString() {
        return "ContentKeyring[" + keysetFile + ", " + contentKeyCount() + " key(s)]";
    }
}
