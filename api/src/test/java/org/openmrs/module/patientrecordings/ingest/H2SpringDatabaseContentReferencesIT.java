/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class H2SpringDatabaseContentReferencesIT extends SpringDatabaseContentReferencesContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.H2;
    }
}
