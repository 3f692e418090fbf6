/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.openmrs.module.patientrecordings.openmrs.service.PatientRecordingsService;

/**
 * Makes the module's FHIR R4 server. This is the one place that names the server class of the web shell
 * ({@code omod/src/main/java}); everything OpenMRS-specific (paths, address, authentication) is applied around it by
 * {@link PatientRecordingsFhirServlet}.
 */
final class FhirServerFactory {

    private FhirServerFactory() {}

    /**
     * A new, not yet initialised server over the module's services.
     *
     * @param services the module's services, as registered with OpenMRS
     */
    static RestfulServer create(PatientRecordingsService services) {
        return new RestfulServer(FhirContext.forR4Cached());
    }
}
