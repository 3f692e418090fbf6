/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.util.List;

/** Upload abuse on the standalone server's default: an H2 file database in the data directory. */
class H2UploadAbuseIT extends UploadAbuseContract {

    @Override
    protected List<String> freshDatabase() {
        return List.of();
    }
}
