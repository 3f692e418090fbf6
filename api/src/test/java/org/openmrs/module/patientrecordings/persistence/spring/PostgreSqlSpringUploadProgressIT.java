/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.spring;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class PostgreSqlSpringUploadProgressIT extends SpringUploadProgressContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.POSTGRESQL;
    }
}
