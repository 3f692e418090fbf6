/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.util.List;

/** Audit tampering over HTTP against the standalone server on its default H2 file database. */
class H2AuditTamperingIT extends AuditTamperingContract {

    @Override
    protected List<String> freshDatabase() {
        return List.of();
    }
}
