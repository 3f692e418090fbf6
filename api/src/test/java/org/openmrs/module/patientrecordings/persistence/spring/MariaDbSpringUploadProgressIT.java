/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.spring;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class MariaDbSpringUploadProgressIT extends SpringUploadProgressContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.MARIADB;
    }
}
