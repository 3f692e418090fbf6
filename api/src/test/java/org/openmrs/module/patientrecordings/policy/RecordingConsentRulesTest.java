/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DEFENCE;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.RESEARCH;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CLINICAL_PHOTO;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.XRAY;
import static org.openmrs.module.patientrecordings.policy.Fixtures.EARLIER;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aClinician;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aPatient;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aPatientWhoObjectsToBeingRecorded;
import static org.openmrs.module.patientrecordings.policy.Fixtures.decidedAt;
import static org.openmrs.module.patientrecordings.policy.Fixtures.errors;
import static org.openmrs.module.patientrecordings.policy.Fixtures.given;
import static org.openmrs.module.patientrecordings.policy.Fixtures.warnings;
import static org.openmrs.module.patientrecordings.policy.Fixtures.withdrawn;
import static org.openmrs.module.patientrecordings.policy.Fixtures.withdrawnAt;
import static org.openmrs.module.patientrecordings.policy.Fixtures.withheld;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aClinicalPhoto;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aConsultation;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.anImplicitConsentRecording;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingKind;

/** Starting a recording that staff make: CON-1, CON-4, CON-9, CON-10, CON-11. */
class RecordingConsentRulesTest {

    @Nested
    @DisplayName("CON-1 an active consent covers the kind and every purpose")
    class ActiveConsent {

        @Test
        void allowsAConsultationTheConsentCovers() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPatient(aPatient())
                    .byClinician(aClinician())
                    .forPurposes(DIRECT_CARE, TRAINING)
                    .withConsent(given(CONSULTATION, DIRECT_CARE, TRAINING))
                    .build());

            assertThat(decision.allowed()).isTrue();
            assertThat(decision.reasons()).isEmpty();
        }

        @Test
        void refusesAConsultationWithoutAnyConsent() {
            Decision decision = StartRecordingPolicy.decide(aConsultation().build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.CON_1);
        }

        @Test
        void refusesWhenTheConsentCoversOnlySomeOfThePurposes() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPurposes(DIRECT_CARE, TRAINING)
                    .withConsent(given(CONSULTATION, DIRECT_CARE))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_1);
            assertThat(decision.reasons()).hasSize(1);
        }

        @Test
        void refusesWhenTheConsentIsAboutAnotherKindOfRecording() {
            Decision decision = StartRecordingPolicy.decide(aClinicalPhoto()
                    .withConsent(given(CONSULTATION, DIRECT_CARE))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_1);
        }

        @Test
        @DisplayName("CON-1, CON-5: a start after the consent was withdrawn is refused, saying it was withdrawn")
        void refusesOnceTheConsentHasBeenWithdrawn() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .withConsent(withdrawn(CONSULTATION, DIRECT_CARE))
                    .build());
            Decision withoutAny = StartRecordingPolicy.decide(aConsultation().build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_1);
            assertThat(decision.reasons())
                    .singleElement()
                    .satisfies(reason -> assertThat(reason.message()).endsWith("it was withdrawn"));
            assertThat(withoutAny.codes()).containsExactly(ErrorCode.CON_1);
            assertThat(withoutAny.reasons())
                    .singleElement()
                    .satisfies(reason -> assertThat(reason.message()).doesNotContain("withdrawn"));
        }

        @Test
        void aWithdrawalAfterTheConsentEndsIt() {
            ConsentFact consent = given(CONSULTATION, DIRECT_CARE);
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .withConsent(consent, withdrawnAt(EARLIER.plusSeconds(60), consent))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_1);
        }

        @ParameterizedTest
        @EnumSource(
                value = RecordingKind.class,
                names = {"CONSULTATION", "PROCEDURE", "CLINICAL_PHOTO"})
        void requiresConsentForEveryKindThatIsNotImplicit(RecordingKind kind) {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .ofKind(kind)
                    .withConsent(given(XRAY, DIRECT_CARE))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_1);
        }
    }

    @Nested
    @DisplayName("CON-4 a refused consent blocks the refused purposes")
    class RefusedConsent {

        @Test
        void refusesARecordingForAPurposeThePatientRefused() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPurposes(DIRECT_CARE, TRAINING)
                    .withConsent(given(CONSULTATION, DIRECT_CARE), withheld(CONSULTATION, TRAINING))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.CON_4);
        }

        @Test
        void allowsTheRecordingForThePurposesThatWereNotRefused() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPurposes(DIRECT_CARE)
                    .withConsent(given(CONSULTATION, DIRECT_CARE), withheld(CONSULTATION, TRAINING))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void aConsentGivenAfterARefusalCounts() {
            ConsentFact refusal = withheld(CONSULTATION, TRAINING);
            ConsentFact laterConsent = decidedAt(EARLIER.plusSeconds(600), given(CONSULTATION, DIRECT_CARE, TRAINING));

            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPurposes(DIRECT_CARE, TRAINING)
                    .withConsent(refusal, laterConsent)
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void aRefusalAfterAConsentEndsIt() {
            ConsentFact consent = given(CONSULTATION, DIRECT_CARE, TRAINING);
            ConsentFact laterRefusal = decidedAt(EARLIER.plusSeconds(600), withheld(CONSULTATION, TRAINING));

            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPurposes(DIRECT_CARE, TRAINING)
                    .withConsent(consent, laterRefusal)
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_4);
        }

        @Test
        void refusesEvenAnImplicitConsentRecordingForARefusedPurpose() {
            Decision decision = StartRecordingPolicy.decide(anImplicitConsentRecording(XRAY)
                    .forPurposes(DIRECT_CARE)
                    .withConsent(withheld(XRAY, DIRECT_CARE))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_4);
        }
    }

    @Nested
    @DisplayName("CON-9 implicit consent covers making, not secondary use")
    class ImplicitConsent {

        @ParameterizedTest
        @EnumSource(
                value = RecordingKind.class,
                names = {"INTERNAL_IMAGING", "PATHOLOGY_SLIDE", "ENDOSCOPY", "ORGAN_FUNCTION", "ULTRASOUND", "XRAY"})
        void allowsAnImplicitConsentRecordingForDirectCareWithoutARecordingConsent(RecordingKind kind) {
            Decision decision = StartRecordingPolicy.decide(
                    anImplicitConsentRecording(kind).forPurposes(DIRECT_CARE).build());

            assertThat(decision.allowed()).isTrue();
            assertThat(decision.reasons()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(
                value = RecordingKind.class,
                names = {"INTERNAL_IMAGING", "PATHOLOGY_SLIDE", "ENDOSCOPY", "ORGAN_FUNCTION", "ULTRASOUND", "XRAY"})
        void refusesSecondaryUseOfAnImplicitConsentRecordingWithoutConsent(RecordingKind kind) {
            Decision decision = StartRecordingPolicy.decide(anImplicitConsentRecording(kind)
                    .forPurposes(DIRECT_CARE, TRAINING)
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_9);
        }

        @Test
        void allowsSecondaryUseOfAnImplicitConsentRecordingWithConsentForIt() {
            Decision decision = StartRecordingPolicy.decide(anImplicitConsentRecording(XRAY)
                    .forPurposes(DIRECT_CARE, TRAINING)
                    .withConsent(given(XRAY, TRAINING))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void listsEachSecondaryPurposeWithoutConsent() {
            Decision decision = StartRecordingPolicy.decide(anImplicitConsentRecording(XRAY)
                    .forPurposes(DIRECT_CARE, TRAINING, RESEARCH)
                    .withConsent(given(XRAY, RESEARCH))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_9);
            assertThat(decision.reasons()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("CON-10 a standing objection blocks every clinician recording")
    class StandingObjection {

        @Test
        void refusesAConsultationOfAPatientWhoObjectsEvenWithConsentOnFile() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPatient(aPatientWhoObjectsToBeingRecorded())
                    .withConsent(given(CONSULTATION, DIRECT_CARE))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.CON_10);
        }

        @Test
        void refusesAClinicalPhotoOfAPatientWhoObjects() {
            Decision decision = StartRecordingPolicy.decide(aClinicalPhoto()
                    .forPatient(aPatientWhoObjectsToBeingRecorded())
                    .withConsent(given(CLINICAL_PHOTO, DIRECT_CARE))
                    .build());

            assertThat(errors(decision)).containsExactly(ErrorCode.CON_10);
        }

        @Test
        void allowsTheRecordingOnceTheObjectionIsLifted() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPatient(aPatient())
                    .withConsent(given(CONSULTATION, DIRECT_CARE))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("CON-11 a purely defensive purpose warns and needs a stated reason")
    class DefensivePurpose {

        @Test
        void refusesADefensiveRecordingWithoutAStatedReason() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPurposes(DIRECT_CARE, DEFENCE)
                    .withConsent(given(CONSULTATION, DIRECT_CARE, DEFENCE))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.CON_11);
        }

        @Test
        void refusesABlankReason() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPurposes(DIRECT_CARE, DEFENCE)
                    .becauseOf("   ")
                    .withConsent(given(CONSULTATION, DIRECT_CARE, DEFENCE))
                    .build());

            assertThat(errors(decision)).containsExactly(ErrorCode.CON_11);
        }

        @Test
        void allowsADefensiveRecordingWithAStatedReasonButWarns() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPurposes(DIRECT_CARE, DEFENCE)
                    .becauseOf("The patient has threatened staff at two previous consultations")
                    .withConsent(given(CONSULTATION, DIRECT_CARE, DEFENCE))
                    .build());

            assertThat(decision.allowed()).isTrue();
            assertThat(warnings(decision)).containsExactly(ErrorCode.CON_11);
        }

        @Test
        void doesNotWarnWhenNoPurposeIsDefensive() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .withConsent(given(CONSULTATION, DIRECT_CARE))
                    .build());

            assertThat(decision.warnings()).isEmpty();
        }
    }
}
