/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import org.hl7.fhir.r4.model.Media;
import org.junit.jupiter.api.Test;

/** The validator the FHIR client tests rely on holds a resource to the profiles it declares, not only to the base. */
class ProfileValidatorTest {

    @Test
    void aRequestBodyDeclaringTheRecordingProfileLacksWhatOnlyTheServerAdds() throws Exception {
        Media request = FhirContext.forR4Cached()
                .newJsonParser()
                .parseResource(Media.class, Files.readString(StandaloneServerContract.example("recording-start.json")));

        assertThat(ProfileValidator.errors(request))
                .anySatisfy(e -> assertThat(e).contains("Media.meta"))
                .anySatisfy(e -> assertThat(e).contains("Media.created"));

        request.getMeta().getProfile().clear();
        assertThat(ProfileValidator.errors(request)).isEmpty();
    }
}
