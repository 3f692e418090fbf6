/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;
import org.openmrs.module.patientrecordings.standalone.security.UserAccount;
import org.openmrs.module.patientrecordings.standalone.security.UserAccounts;
import org.openmrs.module.patientrecordings.storage.MasterKeyFile;
import org.openmrs.module.patientrecordings.storage.filesystem.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the first start of an installation creates: the owner-only data directory, the master key, the admin user
 * and (unless switched off) the demo clinic. Each step creates only what is missing, so later starts create nothing
 * new.
 */
final class FirstStart {

    /** The built-in administrator, created with the configured password and every privilege. */
    static final String ADMIN = "admin";

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    private FirstStart() {}

    /**
     * Creates the data directory (owner-only) and, on a first start, the master key file; checks an existing key, and
     * refuses to start when the key is missing but the content keyset it protects is there.
     */
    static void prepareDataDirectory(StandaloneConfig config) {
        try {
            if (!Files.isDirectory(config.dataDir())) {
                if (DurableFiles.isPosix()) {
                    Files.createDirectories(
                            config.dataDir(),
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(config.dataDir());
                }
                LOG.info("event=data_dir_created path={}", config.dataDir());
            }
            boolean existed = Files.exists(config.masterKeyFile());
            MasterKeyFile.loadOrInitialise(config.masterKeyFile(), config.contentKeysetFile());
            if (!existed) {
                LOG.info("event=master_key_created path={}", config.masterKeyFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot prepare the data directory " + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    /** Creates the admin user when missing and, when configured, what is missing of the demo clinic. */
    static void createUsersAndDemoData(StandaloneConfig config, Services services) {
        UserAccounts users = services.users();
        if (users.createIfAbsent(ADMIN, "Administrator", config.adminPassword(), EnumSet.allOf(Privilege.class))
                .isPresent()) {
            LOG.info("event=user_created username={}", ADMIN);
            if (StandaloneConfig.DEFAULT_ADMIN_PASSWORD.equals(config.adminPassword())) {
                LOG.warn("event=default_admin_password advice=\"set admin-password before real use\"");
            }
        }
        if (config.demoData()) {
            UserAccount admin = users.find(ADMIN).orElseThrow();
            int created = new DemoData(services).ensure(admin);
            LOG.info("event=demo_data created={}", created);
        }
    }
}
