/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir.host;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Location;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.port.SiteDirectory.Site;

class HostLocationTranslatorTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void aSiteSurvivesTheRoundTripThroughFhirJson() {
        Location location = HostLocationTranslator.toFhir(new Site(SiteId.of("riverside"), "Riverside Surgery"));
        Location parsed = FHIR.newJsonParser()
                .parseResource(Location.class, FHIR.newJsonParser().encodeResourceToString(location));

        assertThat(parsed.getIdPart()).isEqualTo("riverside");
        assertThat(parsed.getStatus()).isEqualTo(Location.LocationStatus.ACTIVE);
        assertThat(parsed.getName()).isEqualTo("Riverside Surgery");
    }
}
