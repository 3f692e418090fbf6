/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.consent;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class PostgreSqlJpaConsentRepositoryIT extends JpaConsentRepositoryContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.POSTGRESQL;
    }
}
