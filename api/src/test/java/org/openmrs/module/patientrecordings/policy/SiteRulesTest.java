/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.RESEARCH;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CLINICAL_PHOTO;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.PROCEDURE;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aReceptionist;
import static org.openmrs.module.patientrecordings.policy.Fixtures.errorLocations;
import static org.openmrs.module.patientrecordings.policy.Fixtures.given;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aClinicalPhoto;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aConsultation;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aProcedureRecording;
import static org.openmrs.module.patientrecordings.policy.SitePolicies.aSite;

import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Purpose;

/** POL-1: what the site's recording policy allows staff to record, and SAF-3 on starting a recording. */
class SiteRulesTest {

    @Test
    void allowsAKindTheSiteAllows() {
        Decision decision = StartRecordingPolicy.decide(aProcedureRecording()
                .withConsent(given(PROCEDURE, DIRECT_CARE))
                .atSite(aSite().allowing(PROCEDURE))
                .build());

        assertThat(decision.allowed()).isTrue();
    }

    @Test
    void refusesAKindTheSiteDoesNotAllow() {
        Decision decision = StartRecordingPolicy.decide(aClinicalPhoto()
                .withConsent(given(CLINICAL_PHOTO, DIRECT_CARE))
                .atSite(aSite().allowing(CONSULTATION, PROCEDURE))
                .build());

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.codes()).containsExactly(ErrorCode.POL_1);
        assertThat(errorLocations(decision)).containsExactly("kind");
    }

    @Test
    void refusesAConsultationWhereCliniciansMayNotRecordThem() {
        Decision decision = StartRecordingPolicy.decide(aConsultation()
                .withConsent(given(CONSULTATION, DIRECT_CARE))
                .atSite(aSite().whereCliniciansMayNotRecordConsultations())
                .build());

        assertThat(decision.codes()).containsExactly(ErrorCode.POL_1);
    }

    @Test
    void refusesASecondaryPurposeTheSiteDoesNotAllowEvenWithConsent() {
        Decision decision = StartRecordingPolicy.decide(aConsultation()
                .forPurposes(DIRECT_CARE, RESEARCH)
                .withConsent(given(CONSULTATION, DIRECT_CARE, RESEARCH))
                .atSite(aSite().allowingSecondaryUseFor(TRAINING))
                .build());

        assertThat(decision.codes()).containsExactly(ErrorCode.POL_1);
        assertThat(errorLocations(decision)).containsExactly("purpose");
    }

    @Test
    void allowsAPurposeASiteAddedOfItsOwn() {
        Purpose teaching = Purpose.of("medical_school_teaching");
        Decision decision = StartRecordingPolicy.decide(aConsultation()
                .forPurposes(DIRECT_CARE, teaching)
                .withConsent(given(CONSULTATION, DIRECT_CARE, teaching))
                .atSite(aSite().allowingSecondaryUseFor(teaching))
                .build());

        assertThat(decision.allowed()).isTrue();
    }

    @Test
    void refusesSomeoneWhoMayNotCreateRecordings() {
        Decision decision = StartRecordingPolicy.decide(aConsultation()
                .byClinician(aReceptionist())
                .withConsent(given(CONSULTATION, DIRECT_CARE))
                .build());

        assertThat(decision.codes()).containsExactly(ErrorCode.SAF_3);
    }
}
