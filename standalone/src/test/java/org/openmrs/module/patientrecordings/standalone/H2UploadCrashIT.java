/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.nio.file.Path;
import org.openmrs.module.patientrecordings.persistence.DatabaseSettings;

/**
 * {@link UploadCrashContract} on the embedded default: the H2 file database in the data directory, with the options
 * the server gives it by default. The system property {@code crash.h2.options} may change them, to show what the
 * test finds when a commit is not written at once ({@code ;WRITE_DELAY=500}: an acknowledged step is lost).
 */
class H2UploadCrashIT extends UploadCrashContract {

    private static final String OPTIONS =
            System.getProperty("crash.h2.options", ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");

    @Override
    protected DatabaseSettings database(Path dataDir) {
        return DatabaseSettings.of(
                "jdbc:h2:file:" + dataDir.resolve("database").resolve("patientrecordings") + OPTIONS, "sa", "");
    }
}
