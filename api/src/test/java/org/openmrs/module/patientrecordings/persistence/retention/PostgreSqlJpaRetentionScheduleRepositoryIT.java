/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.retention;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class PostgreSqlJpaRetentionScheduleRepositoryIT extends JpaRetentionScheduleRepositoryContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.POSTGRESQL;
    }
}
