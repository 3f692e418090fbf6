/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.policy.Fixtures.NOW;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aClinician;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aCovertRecordingAuthoriser;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aPatient;
import static org.openmrs.module.patientrecordings.policy.Fixtures.errorLocations;
import static org.openmrs.module.patientrecordings.policy.Fixtures.given;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aConsultation;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aPatientsOwnRecording;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.anAuthorisationToRecordCovertly;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;

/** Covert recording by staff: COV-1 and COV-2 when a recording starts. */
class CovertRecordingRulesTest {

    private final PatientFacts patient = aPatient();

    /** A covert consultation with the patient's consent on file, so that only the covert rules are in play. */
    private RecordingRequests.StartBuilder aCovertConsultation() {
        return aConsultation()
                .forPatient(patient)
                .byClinician(aCovertRecordingAuthoriser())
                .covertly()
                .withConsent(given(CONSULTATION, DIRECT_CARE));
    }

    @Nested
    @DisplayName("COV-1 a covert recording needs a complete, current authorisation")
    class Authorisation {

        @Test
        void allowsACovertRecordingWithACompleteCurrentAuthorisation() {
            Decision decision = StartRecordingPolicy.decide(aCovertConsultation()
                    .authorisedBy(anAuthorisationToRecordCovertly(patient))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesCovertRecordingWithoutAuthorisation() {
            Decision decision =
                    StartRecordingPolicy.decide(aCovertConsultation().build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.COV_1);
        }

        @Test
        void listsEveryElementTheAuthorisationLacks() {
            Decision decision = StartRecordingPolicy.decide(aCovertConsultation()
                    .authorisedBy(anAuthorisationToRecordCovertly(patient).empty())
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.COV_1);
            assertThat(errorLocations(decision))
                    .containsExactlyInAnyOrder(
                            "authorisation.authorisingBody",
                            "authorisation.reference",
                            "authorisation.legalBasis",
                            "authorisation.justification",
                            "authorisation.noOtherMeans",
                            "authorisation.period");
        }

        @Test
        void refusesAnAuthorisationThatDoesNotAttestThereIsNoOtherMeans() {
            Decision decision = StartRecordingPolicy.decide(aCovertConsultation()
                    .authorisedBy(anAuthorisationToRecordCovertly(patient).withoutAttestingNoOtherMeans())
                    .build());

            assertThat(errorLocations(decision)).containsExactly("authorisation.noOtherMeans");
        }

        @Test
        void refusesAnAuthorisationForAnotherPatient() {
            Decision decision = StartRecordingPolicy.decide(aCovertConsultation()
                    .authorisedBy(anAuthorisationToRecordCovertly(patient).forAnotherPatient())
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.COV_1);
            assertThat(errorLocations(decision)).containsExactly("authorisation.patient");
        }

        @Test
        void refusesAnAuthorisationThatHasExpired() {
            Decision decision = StartRecordingPolicy.decide(aCovertConsultation()
                    .authorisedBy(anAuthorisationToRecordCovertly(patient)
                            .covering(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1))))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.COV_1);
            assertThat(errorLocations(decision)).containsExactly("authorisation.period");
        }

        @Test
        void refusesAnAuthorisationWhosePeriodEndsAtTheInstantOfRecording() {
            Decision decision = StartRecordingPolicy.decide(aCovertConsultation()
                    .authorisedBy(anAuthorisationToRecordCovertly(patient).covering(NOW.minus(Duration.ofDays(1)), NOW))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.COV_1);
        }

        @Test
        void allowsARecordingAtTheFirstInstantOfThePeriod() {
            Decision decision = StartRecordingPolicy.decide(aCovertConsultation()
                    .authorisedBy(anAuthorisationToRecordCovertly(patient).covering(NOW, NOW.plus(Duration.ofDays(1))))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesAnAuthorisationThatWasEndedEarly() {
            Decision decision = StartRecordingPolicy.decide(aCovertConsultation()
                    .authorisedBy(anAuthorisationToRecordCovertly(patient).endedEarly())
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.COV_1);
        }

        @Test
        void aPatientsOwnCovertRecordingNeedsNoAuthorisation() {
            Decision decision = StartRecordingPolicy.decide(
                    aPatientsOwnRecording().forPatient(patient).covertly().build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void allowsAnAuthorisedCovertRecordingWithoutThePatientsRecordingConsent() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPatient(patient)
                    .byClinician(aCovertRecordingAuthoriser())
                    .covertly()
                    .authorisedBy(anAuthorisationToRecordCovertly(patient))
                    .build());

            assertThat(decision.codes()).doesNotContain(ErrorCode.CON_1);
            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("COV-2 only privileged users make covert recordings")
    class Privilege {

        @Test
        void refusesAClinicianWithoutTheCovertPrivilegeEvenWithAnAuthorisation() {
            Decision decision = StartRecordingPolicy.decide(aCovertConsultation()
                    .byClinician(aClinician())
                    .authorisedBy(anAuthorisationToRecordCovertly(patient))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.COV_2);
        }

        @Test
        void anOvertRecordingNeedsNoCovertPrivilege() {
            Decision decision = StartRecordingPolicy.decide(aConsultation()
                    .forPatient(patient)
                    .byClinician(aClinician())
                    .withConsent(given(CONSULTATION, DIRECT_CARE))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void reportsAMissingAuthorisationAndAMissingPrivilegeTogether() {
            Decision decision = StartRecordingPolicy.decide(
                    aCovertConsultation().byClinician(aClinician()).build());

            assertThat(decision.codes()).containsExactlyInAnyOrder(ErrorCode.COV_1, ErrorCode.COV_2);
        }
    }
}
