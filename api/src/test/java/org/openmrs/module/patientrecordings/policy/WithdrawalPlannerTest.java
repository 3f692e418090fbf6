/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.RESEARCH;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CLINICAL_PHOTO;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.XRAY;
import static org.openmrs.module.patientrecordings.policy.Fixtures.NOW;
import static org.openmrs.module.patientrecordings.policy.Fixtures.given;
import static org.openmrs.module.patientrecordings.policy.Recordings.aRecordedConsultation;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.WithdrawalPlanner.Action;
import org.openmrs.module.patientrecordings.policy.WithdrawalPlanner.Effect;

/** What a withdrawal of consent does to the recordings it governed: CON-5, CON-6 (and REC-5 deferral). */
class WithdrawalPlannerTest {

    private static Effect withdrawing(ConsentFact consent, List<ConsentFact> remaining, RecordingFacts recording) {
        List<Effect> plan = WithdrawalPlanner.plan(consent, remaining, List.of(recording), NOW);
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).recording()).isEqualTo(recording.id());
        return plan.get(0);
    }

    @Nested
    @DisplayName("CON-5 withdrawal during a recording")
    class DuringTheRecording {

        @ParameterizedTest
        @EnumSource(
                value = RecordingState.class,
                names = {"REQUESTED", "IN_PROGRESS"})
        void stopsAndSealsARecordingUnderWay(RecordingState state) {
            Effect effect = withdrawing(
                    given(CONSULTATION, DIRECT_CARE, TRAINING),
                    List.of(),
                    aRecordedConsultation()
                            .forPurposes(DIRECT_CARE, TRAINING)
                            .in(state)
                            .build());

            assertThat(effect.action()).isEqualTo(Action.STOP_AND_SEAL);
            assertThat(effect.remainingPurposes()).isEmpty();
            assertThat(effect.destructionDeferredByHold()).isFalse();
        }

        @Test
        void aLegalHoldDefersTheDestructionOfTheSealedContent() {
            Effect effect = withdrawing(
                    given(CONSULTATION, DIRECT_CARE),
                    List.of(),
                    aRecordedConsultation()
                            .in(RecordingState.IN_PROGRESS)
                            .underLegalHold()
                            .build());

            assertThat(effect.action()).isEqualTo(Action.STOP_AND_SEAL);
            assertThat(effect.destructionDeferredByHold()).isTrue();
        }
    }

    @Nested
    @DisplayName("CON-6 withdrawal after a recording")
    class AfterTheRecording {

        @Test
        void endsTheSecondaryUsesOfAClinicalRecordEntryAndKeepsDirectCare() {
            Effect effect = withdrawing(
                    given(CONSULTATION, TRAINING),
                    List.of(given(CONSULTATION, DIRECT_CARE)),
                    aRecordedConsultation().forPurposes(DIRECT_CARE, TRAINING).build());

            assertThat(effect.action()).isEqualTo(Action.END_SECONDARY_USES);
            assertThat(effect.remainingPurposes()).containsExactly(DIRECT_CARE);
            assertThat(effect.destructionDeferredByHold()).isFalse();
        }

        @Test
        void keepsADirectCareRecordingWhenTheOnlyConsentIsWithdrawnAfterwards() {
            Effect effect = withdrawing(
                    given(CONSULTATION, DIRECT_CARE, TRAINING),
                    List.of(),
                    aRecordedConsultation().forPurposes(DIRECT_CARE, TRAINING).build());

            assertThat(effect.action()).isEqualTo(Action.END_SECONDARY_USES);
            assertThat(effect.remainingPurposes()).containsExactly(DIRECT_CARE);
        }

        @Test
        void keepsDirectCareOfAnImplicitConsentRecordingWhateverTheWithdrawnConsentSaid() {
            Effect effect = withdrawing(
                    given(XRAY, DIRECT_CARE, TRAINING),
                    List.of(),
                    aRecordedConsultation()
                            .ofKind(XRAY)
                            .forPurposes(DIRECT_CARE, TRAINING)
                            .build());

            assertThat(effect.action()).isEqualTo(Action.END_SECONDARY_USES);
            assertThat(effect.remainingPurposes()).containsExactly(DIRECT_CARE);
        }

        @ParameterizedTest
        @EnumSource(
                value = RecordingState.class,
                names = {"COMPLETED", "STOPPED", "PENDING_CONFIRMATION"})
        void sealsForDestructionARecordingMadeOnlyForSecondaryPurposes(RecordingState state) {
            Effect effect = withdrawing(
                    given(CONSULTATION, TRAINING),
                    List.of(),
                    aRecordedConsultation().forPurposes(TRAINING).in(state).build());

            assertThat(effect.action()).isEqualTo(Action.SEAL_FOR_DESTRUCTION);
            assertThat(effect.remainingPurposes()).isEmpty();
            assertThat(effect.destructionDeferredByHold()).isFalse();
        }

        @Test
        void aLegalHoldDefersTheDestruction() {
            Effect effect = withdrawing(
                    given(CONSULTATION, TRAINING),
                    List.of(),
                    aRecordedConsultation()
                            .forPurposes(TRAINING)
                            .underLegalHold()
                            .build());

            assertThat(effect.action()).isEqualTo(Action.SEAL_FOR_DESTRUCTION);
            assertThat(effect.destructionDeferredByHold()).isTrue();
        }

        @Test
        void anotherConsentStillCoveringEveryPurposeKeepsTheRecordingAsItIs() {
            Effect effect = withdrawing(
                    given(CONSULTATION, TRAINING),
                    List.of(given(CONSULTATION, TRAINING)),
                    aRecordedConsultation().forPurposes(TRAINING).build());

            assertThat(effect.action()).isEqualTo(Action.NONE);
            assertThat(effect.remainingPurposes()).containsExactly(TRAINING);
        }

        @Test
        void anotherConsentStillCoveringOnePurposeKeepsThatPurpose() {
            Effect effect = withdrawing(
                    given(CONSULTATION, TRAINING, RESEARCH),
                    List.of(given(CONSULTATION, TRAINING)),
                    aRecordedConsultation().forPurposes(TRAINING, RESEARCH).build());

            assertThat(effect.action()).isNotEqualTo(Action.SEAL_FOR_DESTRUCTION);
            assertThat(effect.remainingPurposes()).containsExactly(TRAINING);
        }

        @Test
        void leavesRecordingsOfAnotherKindAlone() {
            Effect effect = withdrawing(
                    given(CLINICAL_PHOTO, DIRECT_CARE, TRAINING),
                    List.of(),
                    aRecordedConsultation().forPurposes(DIRECT_CARE, TRAINING).build());

            assertThat(effect.action()).isEqualTo(Action.NONE);
            assertThat(effect.remainingPurposes()).containsExactlyInAnyOrder(DIRECT_CARE, TRAINING);
        }

        @ParameterizedTest
        @EnumSource(
                value = RecordingState.class,
                names = {"SEALED", "DESTROYED"})
        void leavesContentAlreadySealedOrDestroyedAlone(RecordingState state) {
            Effect effect = withdrawing(
                    given(CONSULTATION, TRAINING),
                    List.of(),
                    aRecordedConsultation().forPurposes(TRAINING).in(state).build());

            assertThat(effect.action()).isEqualTo(Action.NONE);
        }
    }

    @Test
    void plansOneEffectPerRecordingInTheOrderGiven() {
        RecordingFacts underWay = aRecordedConsultation()
                .forPurposes(TRAINING)
                .in(RecordingState.IN_PROGRESS)
                .build();
        RecordingFacts forTraining =
                aRecordedConsultation().forPurposes(TRAINING).build();
        RecordingFacts photo = aRecordedConsultation()
                .ofKind(CLINICAL_PHOTO)
                .forPurposes(TRAINING)
                .build();

        List<Effect> plan = WithdrawalPlanner.plan(
                given(CONSULTATION, TRAINING), List.of(), List.of(underWay, forTraining, photo), NOW);

        assertThat(plan).extracting(Effect::recording).containsExactly(underWay.id(), forTraining.id(), photo.id());
        assertThat(plan)
                .extracting(Effect::action)
                .containsExactly(Action.STOP_AND_SEAL, Action.SEAL_FOR_DESTRUCTION, Action.NONE);
    }
}
