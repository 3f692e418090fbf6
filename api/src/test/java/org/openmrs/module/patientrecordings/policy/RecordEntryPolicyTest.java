/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.policy.Fixtures.TODAY;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aClinician;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aRecordsManager;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aUserWithEveryPrivilegeBut;
import static org.openmrs.module.patientrecordings.policy.Fixtures.errorLocations;
import static org.openmrs.module.patientrecordings.policy.Recordings.aRecordedConsultation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.RecordingState;

/** A recording is an entry of the clinical record: REC-1 (no deletion, void), REC-4 (disposal), REC-5 (holds). */
class RecordEntryPolicyTest {

    @Nested
    @DisplayName("REC-1 never deleted, voided with a reason by a privileged user")
    class DeleteAndVoid {

        @Test
        void refusesToDeleteARecordingWhoeverAsks() {
            Decision decision = RecordEntryPolicy.delete();

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.REC_1);
        }

        @Test
        void aRecordsManagerVoidsARecordingOfTheWrongPatientWithAReason() {
            Decision decision = RecordEntryPolicy.voiding(aRecordsManager(), "Recorded against the wrong patient");

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesToVoidWithoutAReason() {
            Decision decision = RecordEntryPolicy.voiding(aRecordsManager(), " ");

            assertThat(decision.codes()).containsExactly(ErrorCode.REC_1);
            assertThat(errorLocations(decision)).containsExactly("reason");
        }

        @Test
        void refusesAClinicianVoidingARecording() {
            Decision decision = RecordEntryPolicy.voiding(aClinician(), "Recorded against the wrong patient");

            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_3);
        }

        @Test
        void reportsBothAMissingPrivilegeAndAMissingReason() {
            Decision decision = RecordEntryPolicy.voiding(aClinician(), null);

            assertThat(decision.codes()).containsExactlyInAnyOrder(ErrorCode.SAF_3, ErrorCode.REC_1);
        }
    }

    @Nested
    @DisplayName("REC-4 disposal only after the retention end")
    class Disposal {

        @Test
        void disposesOfARecordingTheDayAfterItsRetentionEnds() {
            Decision decision = RecordEntryPolicy.disposal(new DisposalRequest(
                    aRecordsManager(),
                    aRecordedConsultation().keptUntil(TODAY.minusDays(1)).build(),
                    TODAY));

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesDisposalOnTheLastDayOfRetention() {
            Decision decision = RecordEntryPolicy.disposal(new DisposalRequest(
                    aRecordsManager(), aRecordedConsultation().keptUntil(TODAY).build(), TODAY));

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.REC_4);
        }

        @Test
        void refusesDisposalBeforeTheRetentionEnd() {
            Decision decision = RecordEntryPolicy.disposal(new DisposalRequest(
                    aRecordsManager(),
                    aRecordedConsultation().keptUntil(TODAY.plusYears(3)).build(),
                    TODAY));

            assertThat(decision.codes()).containsExactly(ErrorCode.REC_4);
        }

        @Test
        void refusesDisposalWhileTheRetentionEndIsUnknown() {
            Decision decision = RecordEntryPolicy.disposal(new DisposalRequest(
                    aRecordsManager(), aRecordedConsultation().keptUntil(null).build(), TODAY));

            assertThat(decision.codes()).containsExactly(ErrorCode.REC_4);
        }

        @Test
        void keepsAVoidedRecordingForItsRetentionPeriod() {
            Decision decision = RecordEntryPolicy.disposal(new DisposalRequest(
                    aRecordsManager(),
                    aRecordedConsultation()
                            .in(RecordingState.VOIDED)
                            .keptUntil(TODAY.plusYears(1))
                            .build(),
                    TODAY));

            assertThat(decision.codes()).containsExactly(ErrorCode.REC_4);
        }

        @Test
        void destroysContentSealedByAWithdrawalWithoutWaitingForRetention() {
            Decision decision = RecordEntryPolicy.disposal(new DisposalRequest(
                    aRecordsManager(),
                    aRecordedConsultation()
                            .forPurposes(TRAINING)
                            .in(RecordingState.SEALED)
                            .keptUntil(TODAY.plusYears(8))
                            .build(),
                    TODAY));

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesDisposalBySomeoneWhoMayNotManageRecords() {
            Decision decision = RecordEntryPolicy.disposal(new DisposalRequest(
                    aUserWithEveryPrivilegeBut(Privilege.MANAGE_RECORDS),
                    aRecordedConsultation().keptUntil(TODAY.minusDays(1)).build(),
                    TODAY));

            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_3);
        }
    }

    @Nested
    @DisplayName("REC-5 a legal hold blocks disposal")
    class LegalHold {

        @Test
        void refusesDisposalOfAHeldRecordingPastItsRetention() {
            Decision decision = RecordEntryPolicy.disposal(new DisposalRequest(
                    aRecordsManager(),
                    aRecordedConsultation()
                            .keptUntil(TODAY.minusYears(1))
                            .underLegalHold()
                            .build(),
                    TODAY));

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.REC_5);
        }

        @Test
        void refusesDisposalOfHeldContentEvenWhenSealed() {
            Decision decision = RecordEntryPolicy.disposal(new DisposalRequest(
                    aRecordsManager(),
                    aRecordedConsultation()
                            .in(RecordingState.SEALED)
                            .underLegalHold()
                            .build(),
                    TODAY));

            assertThat(decision.codes()).containsExactly(ErrorCode.REC_5);
        }

        @Test
        void reportsTheHoldAndTheRetentionTogether() {
            Decision decision = RecordEntryPolicy.disposal(new DisposalRequest(
                    aRecordsManager(),
                    aRecordedConsultation()
                            .keptUntil(TODAY.plusYears(1))
                            .underLegalHold()
                            .build(),
                    TODAY));

            assertThat(decision.codes()).containsExactlyInAnyOrder(ErrorCode.REC_4, ErrorCode.REC_5);
        }

        @Test
        void aRecordsManagerPlacesAHoldNamingTheComplaint() {
            Decision decision = RecordEntryPolicy.legalHold(aRecordsManager(), "Complaint 2025/044");

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesAHoldThatNamesNothing() {
            Decision decision = RecordEntryPolicy.legalHold(aRecordsManager(), "");

            assertThat(decision.codes()).containsExactly(ErrorCode.REC_5);
            assertThat(errorLocations(decision)).containsExactly("reference");
        }

        @Test
        void refusesAHoldBySomeoneWhoMayNotManageHolds() {
            Decision decision = RecordEntryPolicy.legalHold(aClinician(), "Claim 77");

            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_3);
        }
    }
}
