/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.audit;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class PostgreSqlJpaAuditLogIT extends JpaAuditLogContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.POSTGRESQL;
    }
}
