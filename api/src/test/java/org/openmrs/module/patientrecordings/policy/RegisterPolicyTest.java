/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.policy.Fixtures.NOW;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aClinician;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aCovertRecordingAuthoriser;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aPatient;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aPolicyAdministrator;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aReceptionist;
import static org.openmrs.module.patientrecordings.policy.Fixtures.anUnknownPatient;
import static org.openmrs.module.patientrecordings.policy.Fixtures.errorLocations;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.anAuthorisationToRecordCovertly;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.UserId;

/** Writing to the registers the rules depend on: covert authorisations (COV-1, COV-2), objections (STF-1, CON-10). */
class RegisterPolicyTest {

    @Nested
    @DisplayName("COV-1 and COV-2 recording a covert authorisation")
    class CovertAuthorisations {

        @Test
        void aPrivilegedUserRecordsACompleteAuthorisation() {
            Decision decision = RegisterPolicy.covertAuthorisation(
                    aCovertRecordingAuthoriser(),
                    anAuthorisationToRecordCovertly(aPatient()).build(),
                    NOW);

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void aPrivilegedUserRecordsAnAuthorisationThatStartsLater() {
            Decision decision = RegisterPolicy.covertAuthorisation(
                    aCovertRecordingAuthoriser(),
                    anAuthorisationToRecordCovertly(aPatient())
                            .covering(NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(9)))
                            .build(),
                    NOW);

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesAUserWithoutTheCovertPrivilege() {
            Decision decision = RegisterPolicy.covertAuthorisation(
                    aClinician(), anAuthorisationToRecordCovertly(aPatient()).build(), NOW);

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.COV_2);
        }

        @Test
        void refusesAnIncompleteAuthorisationListingEveryGap() {
            Decision decision = RegisterPolicy.covertAuthorisation(
                    aCovertRecordingAuthoriser(),
                    anAuthorisationToRecordCovertly(aPatient()).empty().build(),
                    NOW);

            assertThat(decision.codes()).containsExactly(ErrorCode.COV_1);
            assertThat(decision.reasons()).hasSize(6);
        }

        @Test
        void refusesAnAuthorisationWithoutAReference() {
            Decision decision = RegisterPolicy.covertAuthorisation(
                    aCovertRecordingAuthoriser(),
                    anAuthorisationToRecordCovertly(aPatient())
                            .withoutReference()
                            .build(),
                    NOW);

            assertThat(errorLocations(decision)).containsExactly("authorisation.reference");
        }

        @Test
        void refusesAnAuthorisationThatHasAlreadyExpired() {
            Decision decision = RegisterPolicy.covertAuthorisation(
                    aCovertRecordingAuthoriser(),
                    anAuthorisationToRecordCovertly(aPatient())
                            .covering(NOW.minus(Duration.ofDays(10)), NOW)
                            .build(),
                    NOW);

            assertThat(decision.codes()).containsExactly(ErrorCode.COV_1);
            assertThat(errorLocations(decision)).containsExactly("authorisation.period");
        }

        @Test
        void refusesAPeriodThatEndsBeforeItStarts() {
            Decision decision = RegisterPolicy.covertAuthorisation(
                    aCovertRecordingAuthoriser(),
                    anAuthorisationToRecordCovertly(aPatient())
                            .covering(NOW.plus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(1)))
                            .build(),
                    NOW);

            assertThat(decision.codes()).containsExactly(ErrorCode.COV_1);
        }
    }

    @Nested
    @DisplayName("STF-1 a staff member's objection to being recorded")
    class StaffObjections {

        @Test
        void aStaffMemberRecordsTheirOwnObjectionWithoutAnyPrivilege() {
            Actor nurse = aReceptionist();

            assertThat(RegisterPolicy.staffObjection(nurse, nurse.user()).allowed())
                    .isTrue();
        }

        @Test
        void refusesRecordingSomeoneElsesObjectionWithoutThePolicyPrivilege() {
            Decision decision = RegisterPolicy.staffObjection(aClinician(), UserId.random());

            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_3);
        }

        @Test
        void aPolicyAdministratorRecordsAnObjectionOnSomeonesBehalf() {
            Decision decision = RegisterPolicy.staffObjection(aPolicyAdministrator(), UserId.random());

            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("CON-10 a patient's standing objection")
    class PatientObjections {

        @Test
        void aClinicianWhoManagesConsentRecordsTheObjection() {
            assertThat(RegisterPolicy.patientObjection(aClinician(), aPatient()).allowed())
                    .isTrue();
        }

        @Test
        void refusesSomeoneWhoMayNotManageConsent() {
            Decision decision = RegisterPolicy.patientObjection(aReceptionist(), aPatient());

            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_3);
        }

        @Test
        void refusesAnUnknownPatient() {
            Decision decision = RegisterPolicy.patientObjection(aClinician(), anUnknownPatient());

            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_4);
        }
    }
}
