/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.consent;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class H2JpaConsentRepositoryIT extends JpaConsentRepositoryContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.H2;
    }
}
