/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.openmrs.module.patientrecordings.storage.filesystem.DurableFiles;

/**
 * The master key: a Tink AES-256-GCM keyset in a file named by configuration (never by the database), readable by its
 * owner only. It encrypts the {@link ContentKeyring}; it never touches content.
 *
 * <p>Rotation without rewriting content or losing access at any step: {@link #rotate()} adds a new primary key (old
 * ones still decrypt), {@link ContentKeyring#rewrap} re-encrypts the content keyset under it, then
 * {@link #retireOldKeys()} drops the old master keys. Instances are immutable; each step returns the new state.
 */
public final class MasterKeyFile {

    private final Path file;
    private final KeysetHandle keyset;

    private MasterKeyFile(Path file, KeysetHandle keyset) {
        this.file = file;
        this.keyset = keyset;
    }

    /**
     * Reads an existing master key file.
     *
     * @throws NoSuchFileException if there is none
     * @throws IOException if it can be read by others than its owner (it is refused, as ssh refuses such keys), cannot
     *     be read (a directory, no permission), or is not a master key file; the message names the file
     */
    public static MasterKeyFile load(Path file) throws IOException {
        TinkRegistration.ensureRegistered();
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no master key file");
        }
        if (DurableFiles.isAccessibleToOthers(file)) {
            throw new IOException("Master key file " + file + " is accessible to other users; allow its owner only");
        }
        String json = readKeyFile("Master key file", file);
        try {
            return new MasterKeyFile(file, TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IOException("Master key file " + file + " does not hold a valid key", e);
        }
    }

    /**
     * Creates a new master key file with a fresh key, readable and writable by its owner only.
     *
     * @throws FileAlreadyExistsException if the file exists (an existing key is never overwritten)
     */
    public static MasterKeyFile initialise(Path file) throws IOException {
        TinkRegistration.ensureRegistered();
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a master key file exists already");
        }
        try {
            MasterKeyFile created =
                    new MasterKeyFile(file, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
            created.save();
            return created;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink cannot generate an AES-256-GCM key", e);
        }
    }

    /**
     * {@link #load} if the file exists, else {@link #initialise} on a first start: when {@code keysetFile}, the content
     * keyset this key protects, does not exist yet either. A missing key beside an existing keyset is not a first start
     * but a key lost, moved or misnamed (a restore without it, a wrong setting): a new key could never decrypt the
     * keyset, so none is created and the message says what to restore.
     *
     * @throws IOException when the key file is missing but the keyset exists, or as {@link #load} and {@link
     *     #initialise}
     */
    public static MasterKeyFile loadOrInitialise(Path file, Path keysetFile) throws IOException {
        if (Files.exists(file)) {
            return load(file);
        }
        if (Files.exists(keysetFile)) {
            throw new IOException("Master key file " + file + " does not exist, but the content keyset " + keysetFile
                    + " does: the content keys, and with them all stored content, can be decrypted only with the"
                    + " master key they were encrypted under. Restore that master key file from its backup, or set the"
                    + " master key file setting to where it is; no new master key was created");
        }
        return initialise(file);
    }

    /** Adds a new primary key and saves the file; the previous keys still decrypt. */
    public MasterKeyFile rotate() throws IOException {
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build();
            MasterKeyFile next = new MasterKeyFile(file, rotated);
            next.save();
            return next;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink cannot add an AES-256-GCM key", e);
        }
    }

    /**
     * Drops every key but the primary and saves the file. Only after {@link ContentKeyring#rewrap} has re-encrypted
     * the content keyset under the primary: a keyset encrypted under a dropped key can no longer be opened.
     */
    public MasterKeyFile retireOldKeys() throws IOException {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            for (int i = builder.size() - 1; i >= 0; i--) {
                if (!builder.getAt(i).isPrimary()) {
                    builder.deleteAt(i);
                }
            }
            MasterKeyFile next = new MasterKeyFile(file, builder.build());
            next.save();
            return next;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink cannot rebuild the master keyset", e);
        }
    }

    /**
     * Reads a key file as text. The platform's own message ("Is a directory", or only the path) does not say which of
     * the module's files failed, nor why: an administrator reads it in the endpoints' 503, so it names both.
     *
     * @param what the file's part, e.g. "Master key file"
     */
    static String readKeyFile(String what, Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String reason = e.getMessage() == null || e.getMessage().equals(file.toString())
                    ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new IOException(what + " " + file + " cannot be read (" + reason + ")", e);
        }
    }

    /** The file this key lives in. */
    public Path file() {
        return file;
    }

    /** How many keys the file holds (1 after initialisation or retirement). */
    public int keyCount() {
        return keyset.size();
    }

    Aead aead() throws IOException {
        try {
            return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IOException("Master key file " + file + " holds no usable AEAD key", e);
        }
    }

    private void save() throws IOException, GeneralSecurityException {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        DurableFiles.writeOwnerOnlyAtomically(file, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        // Never the key material.
        return "MasterKeyFile[" + file + ", " + keyset.size() + " key(s)]";
    }
}
