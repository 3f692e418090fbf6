/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class PostgreSqlJpaUploadProgressIT extends JpaUploadProgressContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.POSTGRESQL;
    }
}
