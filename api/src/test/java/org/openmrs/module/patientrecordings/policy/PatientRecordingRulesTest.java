/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.PATIENT_OWN_USE;
import static org.openmrs.module.patientrecordings.domain.Purpose.RESEARCH;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.policy.Fixtures.TODAY;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aNurseWhoDeclinedToBeRecorded;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aPatientWhoObjectsToBeingRecorded;
import static org.openmrs.module.patientrecordings.policy.Fixtures.errorLocations;
import static org.openmrs.module.patientrecordings.policy.Fixtures.given;
import static org.openmrs.module.patientrecordings.policy.Fixtures.warnings;
import static org.openmrs.module.patientrecordings.policy.Fixtures.withdrawn;
import static org.openmrs.module.patientrecordings.policy.Fixtures.withheld;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aClinicalPhoto;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aConsultation;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aPatientsOwnRecording;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aSharedCopy;
import static org.openmrs.module.patientrecordings.policy.SitePolicies.aSite;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.policy.CallContext.CallType;

/** Recordings that patients make: PAT-1, PAT-2, PAT-3. */
class PatientRecordingRulesTest {

    @Nested
    @DisplayName("PAT-1 a patient's own recording is never blocked")
    class OwnRecording {

        @Test
        void allowsAPatientToRecordTheirConsultationWithoutAnyConsent() {
            Decision decision =
                    StartRecordingPolicy.decide(aPatientsOwnRecording().build());

            assertThat(decision.allowed()).isTrue();
            assertThat(decision.reasons()).isEmpty();
        }

        @Test
        void isNotBlockedByTheConsentRulesForStaffRecordings() {
            Decision decision = StartRecordingPolicy.decide(aPatientsOwnRecording()
                    .withConsent(withheld(CONSULTATION, PATIENT_OWN_USE), withdrawn(CONSULTATION, DIRECT_CARE))
                    .build());

            assertThat(decision.codes()).doesNotContain(ErrorCode.CON_1, ErrorCode.CON_4);
            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void isNotBlockedByTheirOwnStandingObjection() {
            Decision decision = StartRecordingPolicy.decide(aPatientsOwnRecording()
                    .forPatient(aPatientWhoObjectsToBeingRecorded())
                    .build());

            assertThat(decision.codes()).doesNotContain(ErrorCode.CON_10);
            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void isNotBlockedByAStaffMemberWhoDeclinedToBeRecorded() {
            Decision decision = StartRecordingPolicy.decide(aPatientsOwnRecording()
                    .withStaffPresent(aNurseWhoDeclinedToBeRecorded())
                    .build());

            assertThat(decision.codes()).doesNotContain(ErrorCode.STF_1);
            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void isNotBlockedByTheSitesRecordingPolicyForStaff() {
            Decision decision = StartRecordingPolicy.decide(aPatientsOwnRecording()
                    .atSite(aSite().whereCliniciansMayNotRecordConsultations().notAllowing(CONSULTATION))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void aPatientMayRecordCovertly() {
            Decision decision = StartRecordingPolicy.decide(
                    aPatientsOwnRecording().covertly().build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void theSameFactsBlockAClinicianRecording() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPatient(aPatientWhoObjectsToBeingRecorded())
                    .withStaffPresent(aNurseWhoDeclinedToBeRecorded())
                    .build());

            assertThat(decision.codes()).containsExactlyInAnyOrder(ErrorCode.CON_1, ErrorCode.CON_10, ErrorCode.STF_1);
        }

        @Test
        void usingThePatientsRecordingForASecondaryPurposeNeedsTheirConsent() {
            Decision decision = StartRecordingPolicy.decide(aPatientsOwnRecording()
                    .forPurposes(PATIENT_OWN_USE, TRAINING)
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.SEC_1);
        }

        @Test
        void usingThePatientsRecordingForASecondaryPurposeTheyConsentedToIsAllowed() {
            Decision decision = StartRecordingPolicy.decide(aPatientsOwnRecording()
                    .forPurposes(PATIENT_OWN_USE, TRAINING)
                    .withConsent(given(CONSULTATION, TRAINING))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void aPatientsOwnRecordingOfATriageCallIsNotBlocked() {
            Decision decision = StartRecordingPolicy.decide(aPatientsOwnRecording()
                    .ofKind(RecordingKind.TELEPHONE)
                    .ofA(CallType.TRIAGE, false)
                    .build());

            assertThat(decision.codes()).doesNotContain(ErrorCode.TEL_3);
            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("PAT-2 a copy the patient shares joins the record")
    class SharedCopy {

        @Test
        void addsASharedCopyWithTheDateReceivedAndHowItWasObtained() {
            Decision decision = StartRecordingPolicy.decide(aSharedCopy()
                    .receivedOn(TODAY)
                    .obtained("copied from the patient's phone in clinic")
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesASharedCopyWithoutTheDateReceivedOrHowItWasObtained() {
            Decision decision = StartRecordingPolicy.decide(
                    aSharedCopy().receivedOn(null).obtained(" ").build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.PAT_2);
            assertThat(errorLocations(decision)).containsExactlyInAnyOrder("received", "howObtained");
        }

        @Test
        void refusesADateReceivedInTheFuture() {
            Decision decision = StartRecordingPolicy.decide(
                    aSharedCopy().receivedOn(TODAY.plusDays(1)).build());

            assertThat(errorLocations(decision)).containsExactly("received");
        }

        @Test
        void refusesASharedCopyThatTheClinicianMade() {
            Decision decision = StartRecordingPolicy.decide(aSharedCopy()
                    .of(aConsultation().withConsent(given(CONSULTATION, DIRECT_CARE)))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.PAT_2);
            assertThat(errorLocations(decision)).containsExactly("initiator");
        }

        @Test
        void aSharedCopyIsCheckedLikeAnyOtherRecording() {
            Decision decision = StartRecordingPolicy.decide(aSharedCopy()
                    .of(aPatientsOwnRecording().forPurposes(DIRECT_CARE, RESEARCH))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.SEC_1);
        }
    }

    @Nested
    @DisplayName("PAT-3 no-filming areas are a site rule")
    class NoFilmingAreas {

        @Test
        void aPatientFilmingInReceptionIsRecordedAsABreachOfSitePolicyNotRefused() {
            Decision decision = StartRecordingPolicy.decide(aPatientsOwnRecording()
                    .inArea("RECEPTION")
                    .atSite(aSite().withNoFilmingIn("RECEPTION"))
                    .build());

            assertThat(decision.allowed()).isTrue();
            assertThat(warnings(decision)).containsExactly(ErrorCode.PAT_3);
        }

        @Test
        void refusesStaffFilmingInANoFilmingArea() {
            Decision decision = StartRecordingPolicy.decide(aClinicalPhoto()
                    .withConsent(given(RecordingKind.CLINICAL_PHOTO, DIRECT_CARE))
                    .inArea("WAITING_ROOM")
                    .atSite(aSite().withNoFilmingIn("WAITING_ROOM"))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.PAT_3);
        }

        @Test
        void allowsFilmingInAnAreaThatIsNotForbidden() {
            Decision decision = StartRecordingPolicy.decide(aPatientsOwnRecording()
                    .inArea("CONSULTING_ROOM_2")
                    .atSite(aSite().withNoFilmingIn("RECEPTION"))
                    .build());

            assertThat(decision.reasons()).isEmpty();
        }
    }

    @Nested
    @DisplayName("SAF-4 every recording has a known patient and a purpose")
    class BadInput {

        @Test
        void refusesARecordingOfAnUnknownPatient() {
            Decision decision = StartRecordingPolicy.decide(aPatientsOwnRecording()
                    .forPatient(Fixtures.anUnknownPatient())
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_4);
            assertThat(errorLocations(decision)).containsExactly("subject");
        }

        @Test
        void reportsAnUnknownPatientAloneRatherThanTheConsentItCannotHave() {
            Decision decision = StartRecordingPolicy.decide(
                    aConsultation().forPatient(Fixtures.anUnknownPatient()).build());

            assertThat(decision.reasons()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo(ErrorCode.SAF_4);
                assertThat(r.location()).isEqualTo("subject");
            });
        }

        @Test
        void refusesARecordingWithNoPurpose() {
            Decision decision = StartRecordingPolicy.decide(
                    aPatientsOwnRecording().forNoPurpose().build());

            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_4);
            assertThat(errorLocations(decision)).containsExactly("purpose");
        }

        @Test
        void initiatorPatientIsWhatExemptsTheRecording() {
            Decision decision = StartRecordingPolicy.decide(aPatientsOwnRecording()
                    .initiatedBy(Initiator.CLINICIAN)
                    .forPatient(aPatientWhoObjectsToBeingRecorded())
                    .build());

            assertThat(decision.codes()).contains(ErrorCode.CON_10);
        }
    }
}
