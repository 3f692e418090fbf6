/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.content;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.openmrs.module.patientrecordings.storage.filesystem.DurableFiles;

/**
 * The first-start step that gives an installation its master key: a Tink AES-256-GCM keyset in Tink's JSON keyset
 * format, in a file readable and writable by its owner only (written through the storage package's
 * {@link DurableFiles}). The file's location comes from configuration, never from the database, and an existing key
 * is never replaced: losing it loses every recording.
 */
public final class MasterKeyProvisioning {

    private MasterKeyProvisioning() {}

    /**
     * Creates the master key file when there is none, else checks the one there.
     *
     * @return true when a new key was created
     * @throws IOException when the existing file is readable by others than its owner (refused, as ssh refuses such
     *     keys), is not a keyset, or cannot be written
     */
    public static boolean ensure(Path file) throws IOException {
        try {
            AeadConfig.register();
            if (Files.exists(file)) {
                check(file);
                return false;
            }
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
            DurableFiles.writeOwnerOnlyAtomically(file, json.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot create or read the master key in " + file, e);
        }
    }

    private static void check(Path file) throws IOException, GeneralSecurityException {
        if (DurableFiles.isAccessibleToOthers(file)) {
            throw new IOException(
                    "Master key file " + file + " is accessible to other users; allow its owner only" + " (chmod 600)");
        }
        TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
    }
}
