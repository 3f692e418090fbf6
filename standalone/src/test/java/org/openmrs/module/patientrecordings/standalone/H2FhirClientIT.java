/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.util.List;

/** The FHIR API through HAPI's client against the standalone server on its default H2 file database. */
class H2FhirClientIT extends FhirClientContract {

    @Override
    protected List<String> freshDatabase() {
        return List.of();
    }
}
