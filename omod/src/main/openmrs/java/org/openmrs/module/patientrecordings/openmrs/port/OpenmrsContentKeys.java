/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openmrs.module.patientrecordings.settings.Setting;
import org.openmrs.module.patientrecordings.settings.Settings;
import org.openmrs.module.patientrecordings.storage.ContentKeyring;
import org.openmrs.module.patientrecordings.storage.MasterKeyFile;
import org.openmrs.util.OpenmrsUtil;

/**
 * The content keys inside OpenMRS (SAF-1): the master key file ({@link Setting#MASTER_KEY_FILE}) and the content
 * keyset encrypted under it ({@link Setting#KEYSET_FILE}), both files on the server, relative to the OpenMRS
 * application data directory unless absolute, and never in the database. Both are created on first use: the master
 * key readable by the server account only, a master key file that others can read is refused, and a missing master
 * key beside an existing keyset is reported, never replaced by a new one.
 */
public final class OpenmrsContentKeys {

    private OpenmrsContentKeys() {}

    /**
     * Opens the keyring the settings name, creating the files (and their folders) on first use.
     *
     * @throws IOException naming the file that cannot be read, created or decrypted
     */
    public static ContentKeyring open(Settings settings) throws IOException {
        Path master = resolve(settings.get(Setting.MASTER_KEY_FILE));
        Path keyset = resolve(settings.get(Setting.KEYSET_FILE));
        Files.createDirectories(master.getParent());
        Files.createDirectories(keyset.getParent());
        return ContentKeyring.open(keyset, MasterKeyFile.loadOrInitialise(master, keyset));
    }

    /** A configured file: as it is when absolute, else below the application data directory. */
    static Path resolve(String configured) {
        Path path = Path.of(configured);
        if (path.isAbsolute()) {
            return path;
        }
        return Path.of(OpenmrsUtil.getApplicationDataDirectory()).resolve(path).toAbsolutePath();
    }
}
