/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aClinician;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aReceptionist;
import static org.openmrs.module.patientrecordings.policy.Fixtures.errorLocations;
import static org.openmrs.module.patientrecordings.policy.Fixtures.warnings;
import static org.openmrs.module.patientrecordings.policy.Recordings.aRecordedConsultation;
import static org.openmrs.module.patientrecordings.policy.SitePolicies.aSite;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;

/** Completing a recording (REC-3) and the patient's confirmation after it (CON-7). */
class CompletionPolicyTest {

    @Nested
    @DisplayName("REC-3 a recording does not replace the contemporaneous note")
    class ContemporaneousNote {

        @Test
        void completesAClinicianRecordingWhenTheEncounterHasANote() {
            Decision decision = CompletionPolicy.decide(
                    new CompletionRequest(aClinician(), aRecordedConsultation().build(), true, aSite().build()));

            assertThat(decision.allowed()).isTrue();
            assertThat(decision.reasons()).isEmpty();
        }

        @Test
        void refusesToCompleteWithoutANoteWhereTheSiteBlocks() {
            Decision decision = CompletionPolicy.decide(new CompletionRequest(
                    aClinician(),
                    aRecordedConsultation().build(),
                    false,
                    aSite().blockingCompletionWithoutANote().build()));

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.REC_3);
            assertThat(errorLocations(decision)).containsExactly("encounter");
        }

        @Test
        void completesAndFlagsWithoutANoteWhereTheSiteFlags() {
            Decision decision = CompletionPolicy.decide(new CompletionRequest(
                    aClinician(),
                    aRecordedConsultation().build(),
                    false,
                    aSite().flaggingRecordingsWithoutANote().build()));

            assertThat(decision.allowed()).isTrue();
            assertThat(warnings(decision)).containsExactly(ErrorCode.REC_3);
        }

        @ParameterizedTest
        @EnumSource(
                value = Initiator.class,
                names = {"PATIENT", "SYSTEM"})
        void aRecordingStaffDidNotMakeNeedsNoNote(Initiator initiator) {
            Decision decision = CompletionPolicy.decide(new CompletionRequest(
                    aClinician(),
                    aRecordedConsultation().madeBy(initiator).build(),
                    false,
                    aSite().blockingCompletionWithoutANote().build()));

            assertThat(decision.reasons()).isEmpty();
        }

        @Test
        void refusesSomeoneWhoMayNotCreateRecordings() {
            Decision decision = CompletionPolicy.decide(new CompletionRequest(
                    aReceptionist(), aRecordedConsultation().build(), true, aSite().build()));

            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_3);
        }
    }

    @Nested
    @DisplayName("CON-7 the patient confirms after the recording")
    class Confirmation {

        private final RecordingFacts awaiting =
                aRecordedConsultation().in(RecordingState.PENDING_CONFIRMATION).build();

        private final RecordingFacts procedureAwaiting = aRecordedConsultation()
                .ofKind(RecordingKind.PROCEDURE)
                .in(RecordingState.PENDING_CONFIRMATION)
                .build();

        @Test
        void aClinicianRecordingOfAKindNeedingConsentAwaitsConfirmation() {
            assertThat(CompletionPolicy.needsConfirmation(
                            RecordingKind.CONSULTATION, Initiator.CLINICIAN, RecordingMode.OVERT))
                    .isTrue();
            assertThat(CompletionPolicy.needsConfirmation(
                            RecordingKind.PROCEDURE, Initiator.CLINICIAN, RecordingMode.OVERT))
                    .isTrue();
        }

        @Test
        void aCovertRecordingIsNotOfferedToThePatientForConfirmation() {
            assertThat(CompletionPolicy.needsConfirmation(
                            RecordingKind.CONSULTATION, Initiator.CLINICIAN, RecordingMode.COVERT))
                    .isFalse();
        }

        @Test
        void implicitConsentPatientAndRoutineRecordingsNeedNoConfirmation() {
            assertThat(CompletionPolicy.needsConfirmation(RecordingKind.XRAY, Initiator.CLINICIAN, RecordingMode.OVERT))
                    .isFalse();
            assertThat(CompletionPolicy.needsConfirmation(
                            RecordingKind.CONSULTATION, Initiator.PATIENT, RecordingMode.OVERT))
                    .isFalse();
            assertThat(CompletionPolicy.needsConfirmation(
                            RecordingKind.TELEPHONE, Initiator.SYSTEM, RecordingMode.OVERT))
                    .isFalse();
        }

        @Test
        void recordsThePatientsConfirmation() {
            Decision decision =
                    CompletionPolicy.decide(new ConfirmationRequest(aClinician(), awaiting, true, true, null));

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void recordsThePatientsRefusalToo() {
            Decision decision =
                    CompletionPolicy.decide(new ConfirmationRequest(aClinician(), awaiting, false, false, null));

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesToConfirmARecordingThatIsNotAwaitingConfirmation() {
            Decision decision = CompletionPolicy.decide(new ConfirmationRequest(
                    aClinician(),
                    aRecordedConsultation().in(RecordingState.COMPLETED).build(),
                    true,
                    false,
                    null));

            assertThat(decision.codes()).containsExactly(ErrorCode.LIF_1);
        }

        @Test
        void refusesProcedureFootageViewedWithoutTellingThePatientWhatTheyWouldSee() {
            Decision decision =
                    CompletionPolicy.decide(new ConfirmationRequest(aClinician(), procedureAwaiting, true, true, null));

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.CON_7);
            assertThat(errorLocations(decision)).containsExactly("toldWhatTheyWouldSee");
        }

        @Test
        void refusesAnExplicitNoToTellingThePatientWhatTheyWouldSee() {
            Decision decision = CompletionPolicy.decide(
                    new ConfirmationRequest(aClinician(), procedureAwaiting, true, true, false));

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_7);
        }

        @Test
        void allowsProcedureFootageViewedAfterTellingThePatientWhatTheyWouldSee() {
            Decision decision =
                    CompletionPolicy.decide(new ConfirmationRequest(aClinician(), procedureAwaiting, true, true, true));

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void procedureFootageNotViewedNeedsNoSuchAttestation() {
            Decision decision = CompletionPolicy.decide(
                    new ConfirmationRequest(aClinician(), procedureAwaiting, true, false, null));

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void recordsThePatientsRefusalEvenWithoutTheViewingAttestation() {
            Decision decision = CompletionPolicy.decide(
                    new ConfirmationRequest(aClinician(), procedureAwaiting, false, true, null));

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesSomeoneWhoMayNotManageConsent() {
            Decision decision =
                    CompletionPolicy.decide(new ConfirmationRequest(aReceptionist(), awaiting, true, false, null));

            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_3);
        }
    }
}
