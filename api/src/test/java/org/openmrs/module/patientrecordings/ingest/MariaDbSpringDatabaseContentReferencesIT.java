/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class MariaDbSpringDatabaseContentReferencesIT extends SpringDatabaseContentReferencesContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.MARIADB;
    }
}
