/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.util.List;

/** The standalone server on its default: an H2 file database in the data directory. */
class H2StandaloneIT extends StandaloneServerContract {

    @Override
    protected List<String> freshDatabase() {
        return List.of();
    }
}
