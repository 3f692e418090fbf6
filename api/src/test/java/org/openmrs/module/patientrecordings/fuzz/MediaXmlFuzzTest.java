/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hl7.fhir.r4.model.Media;
import org.openmrs.module.patientrecordings.fhir.MediaCommands;
import org.openmrs.module.patientrecordings.recording.StartCommand;

/**
 * SAF-4: any XML body posted to {@code POST [base]/Media} is read into a start command or refused with the
 * project's own error (SAF-4 naming the element), never an unexpected exception. Seeds: the fhir-profiles examples.
 */
class MediaXmlFuzzTest {

    @FuzzTest
    void aPostedMediaStartsARecordingOrIsRefused(byte[] input) {
        target(input);
    }

    static void target(byte[] input) {
        FhirBodies.xml(Media.class, CleanRefusals.text(input))
                .ifPresent(media -> CleanRefusals.resultOrRefusal(() -> {
                    StartCommand command = MediaCommands.toStartCommand(media);
                    assertThat(command.patient()).isNotNull();
                    assertThat(command.mediaType()).isNotNull();
                }));
    }
}
