/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.site;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class PostgreSqlPolicyImportAtomicityIT extends PolicyImportAtomicityContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.POSTGRESQL;
    }
}
