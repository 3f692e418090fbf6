/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class H2JpaUploadProgressIT extends JpaUploadProgressContract {

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.H2;
    }
}
