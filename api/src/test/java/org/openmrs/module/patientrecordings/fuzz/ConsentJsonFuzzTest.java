/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hl7.fhir.r4.model.Consent;
import org.openmrs.module.patientrecordings.fhir.ConsentReader;

/**
 * SAF-4, CON-2: any JSON body posted to {@code POST [base]/Consent} is read into a consent decision or refused
 * with the project's own error (SAF-4 naming the element), never an unexpected exception. Seeds: the fhir-profiles
 * examples.
 */
class ConsentJsonFuzzTest {

    @FuzzTest
    void aPostedConsentIsADecisionOrIsRefused(byte[] input) {
        target(input);
    }

    static void target(byte[] input) {
        FhirBodies.json(Consent.class, CleanRefusals.text(input))
                .ifPresent(consent -> CleanRefusals.resultOrRefusal(() -> {
                    ConsentReader.Decision decision = ConsentReader.toCommand(consent);
                    assertThat(decision.command().patient()).isNotNull();
                    assertThat(decision.decision()).isNotNull();
                }));
    }
}
