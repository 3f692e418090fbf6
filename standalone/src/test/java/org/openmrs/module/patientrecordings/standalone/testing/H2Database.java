/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.testing;

import java.util.UUID;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseSettings;
import org.openmrs.module.patientrecordings.standalone.StandaloneApplication;

/** A fresh in-memory H2 database with the standalone server's schema, one per test. */
public final class H2Database {

    private H2Database() {}

    /** Opens a new, empty, migrated database; close it after the test. */
    public static Database open() {
        String name = "standalone_" + UUID.randomUUID().toString().replace("-", "");
        return StandaloneApplication.openDatabase(
                DatabaseSettings.of("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }
}
