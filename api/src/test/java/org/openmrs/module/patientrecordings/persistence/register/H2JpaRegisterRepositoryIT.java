/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.register;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class H2JpaRegisterRepositoryIT extends JpaRegisterRepositoryContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.H2;
    }
}
