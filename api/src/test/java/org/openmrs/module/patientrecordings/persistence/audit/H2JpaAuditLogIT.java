/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.audit;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class H2JpaAuditLogIT extends JpaAuditLogContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.H2;
    }
}
