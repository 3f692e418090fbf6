/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aNurseWhoDeclinedToBeRecorded;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aNurseWhoDoesNotMind;
import static org.openmrs.module.patientrecordings.policy.Fixtures.errorLocations;
import static org.openmrs.module.patientrecordings.policy.Fixtures.given;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aConsultation;

import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;

/** STF-1: staff who decline to be recorded. STF-2 is in {@link UseRulesTest}; PAT-1's exemption in {@link PatientRecordingRulesTest}. */
class StaffRulesTest {

    @Test
    void allowsARecordingWhenNobodyPresentObjects() {
        Decision decision = StartRecordingPolicy.decide(aConsultation()
                .withConsent(given(CONSULTATION, DIRECT_CARE))
                .withStaffPresent(aNurseWhoDoesNotMind())
                .build());

        assertThat(decision.allowed()).isTrue();
    }

    @Test
    void refusesARecordingWithAStaffMemberPresentWhoDeclinedToBeRecorded() {
        Decision decision = StartRecordingPolicy.decide(aConsultation()
                .withConsent(given(CONSULTATION, DIRECT_CARE))
                .withStaffPresent(aNurseWhoDoesNotMind(), aNurseWhoDeclinedToBeRecorded())
                .build());

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.codes()).containsExactly(ErrorCode.STF_1);
        assertThat(errorLocations(decision)).containsExactly("operator");
    }

    @Test
    void namesEachStaffMemberWhoDeclined() {
        Decision decision = StartRecordingPolicy.decide(aConsultation()
                .withConsent(given(CONSULTATION, DIRECT_CARE))
                .withStaffPresent(aNurseWhoDeclinedToBeRecorded(), aNurseWhoDeclinedToBeRecorded())
                .build());

        assertThat(decision.codes()).containsExactly(ErrorCode.STF_1);
        assertThat(decision.reasons()).hasSize(2);
    }
}
