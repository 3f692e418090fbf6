/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.AUDIT;
import static org.openmrs.module.patientrecordings.domain.Purpose.QUALITY;
import static org.openmrs.module.patientrecordings.domain.Purpose.RESEARCH;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.policy.Fixtures.NOW;
import static org.openmrs.module.patientrecordings.policy.Fixtures.TODAY;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aPatientWhoObjectsToBeingRecorded;
import static org.openmrs.module.patientrecordings.policy.Fixtures.errorLocations;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aRoutineCall;
import static org.openmrs.module.patientrecordings.policy.SitePolicies.aPosterUpBetween;
import static org.openmrs.module.patientrecordings.policy.SitePolicies.aRecordedMessageSince;
import static org.openmrs.module.patientrecordings.policy.SitePolicies.aSite;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.policy.CallContext.CallType;

/** Telephone recording: TEL-1, TEL-2, TEL-3, TEL-4 when a call is recorded. */
class TelephoneRulesTest {

    @Nested
    @DisplayName("TEL-1 telephone recording is site-wide, never per caller")
    class SiteWide {

        @Test
        void recordsARoutineCallWhenTheSiteHasRecordingOn() {
            Decision decision = StartRecordingPolicy.decide(
                    aRoutineCall().atSite(aSite().withRoutineCallRecording()).build());

            assertThat(decision.allowed()).isTrue();
            assertThat(decision.reasons()).isEmpty();
        }

        @Test
        void recordsACallOfAPatientWhoObjectsToBeingRecordedAsPartOfTheRoutine() {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .forPatient(aPatientWhoObjectsToBeingRecorded())
                    .atSite(aSite().withRoutineCallRecording())
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesToRecordTheCallsOfOneChosenCaller() {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .about(new CallContext(CallType.ROUTINE_INCOMING, false, true))
                    .atSite(aSite().withRoutineCallRecording())
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.TEL_1);
        }

        @Test
        void refusesACallRecordingWhenTheSiteHasRecordingOff() {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .atSite(aSite().withTelephone(new TelephonePolicy(
                            false, Set.of(QUALITY), List.of(aRecordedMessageSince(TODAY.minusYears(1))))))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.TEL_1);
        }

        @Test
        void refusesAClinicianRecordingOneCallOnTheirOwnInitiative() {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .initiatedBy(Initiator.CLINICIAN)
                    .atSite(aSite().withRoutineCallRecording())
                    .build());

            assertThat(decision.codes()).contains(ErrorCode.TEL_1);
            assertThat(decision.allowed()).isFalse();
        }

        @Test
        void refusesTheRoutineRecordingAnythingButCalls() {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .ofKind(RecordingKind.CONSULTATION)
                    .atSite(aSite().withRoutineCallRecording())
                    .build());

            assertThat(decision.codes()).contains(ErrorCode.TEL_1);
        }

        @Test
        void refusesACallRecordingWithoutTheCallsDetails() {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .about(null)
                    .atSite(aSite().withRoutineCallRecording())
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_4);
        }
    }

    @Nested
    @DisplayName("TEL-2 callers are told before calls are recorded")
    class CallersAreTold {

        @Test
        void refusesToRecordWhenNoNoticeIsInUseThatDay() {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .atSite(aSite().withTelephoneRecordingOn(
                                    Set.of(QUALITY), aPosterUpBetween(TODAY.minusYears(1), TODAY.minusDays(1))))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.TEL_2);
        }

        @Test
        void refusesToRecordBeforeTheNoticeStarts() {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .atSite(aSite().withTelephoneRecordingOn(Set.of(QUALITY), aRecordedMessageSince(TODAY.plusDays(1))))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.TEL_2);
        }

        @Test
        void recordsOnTheDayTheNoticeStarts() {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .atSite(aSite().withTelephoneRecordingOn(Set.of(QUALITY), aRecordedMessageSince(TODAY)))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void recordsOnTheLastDayANoticeIsInUse() {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .atSite(aSite().withTelephoneRecordingOn(
                                    Set.of(QUALITY), aPosterUpBetween(TODAY.minusYears(1), TODAY)))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void recordsWhenOneOfSeveralNoticesIsStillInUse() {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .atSite(aSite().withTelephoneRecordingOn(
                                    Set.of(QUALITY),
                                    aPosterUpBetween(TODAY.minusYears(2), TODAY.minusYears(1)),
                                    aRecordedMessageSince(TODAY.minusYears(1))))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("TEL-3 clinical calls need an explicit notice at their start")
    class ExplicitNotice {

        @ParameterizedTest
        @EnumSource(
                value = CallType.class,
                names = {"TRIAGE", "MEDICAL_ADVICE", "OUTGOING_CONSULTATION"})
        void refusesAClinicalCallWithoutAnExplicitNotice(CallType type) {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .ofA(type, false)
                    .atSite(aSite().withRoutineCallRecording())
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.TEL_3);
            assertThat(errorLocations(decision)).containsExactly("call.explicitNoticeGiven");
        }

        @ParameterizedTest
        @EnumSource(
                value = CallType.class,
                names = {"TRIAGE", "MEDICAL_ADVICE", "OUTGOING_CONSULTATION"})
        void recordsAClinicalCallOnceTheExplicitNoticeWasGiven(CallType type) {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .ofA(type, true)
                    .atSite(aSite().withRoutineCallRecording())
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @ParameterizedTest
        @EnumSource(
                value = CallType.class,
                names = {"ROUTINE_INCOMING", "ROUTINE_OUTGOING"})
        void routineCallsRelyOnTheSitesNotices(CallType type) {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .ofA(type, false)
                    .atSite(aSite().withRoutineCallRecording())
                    .build());

            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("TEL-4 call recordings serve only the purposes the site declared")
    class DeclaredPurposes {

        @Test
        void refusesAPurposeTheSiteDidNotDeclare() {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .forPurposes(QUALITY, RESEARCH)
                    .atSite(aSite().withTelephoneRecordingOn(
                                    Set.of(QUALITY, TRAINING), aRecordedMessageSince(TODAY.minusYears(1))))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.TEL_4);
            assertThat(decision.reasons()).hasSize(1);
        }

        @Test
        void allowsEveryDeclaredPurpose() {
            Decision decision = StartRecordingPolicy.decide(aRoutineCall()
                    .forPurposes(QUALITY, TRAINING, AUDIT)
                    .atSite(aSite().withTelephoneRecordingOn(
                                    Set.of(QUALITY, TRAINING, AUDIT), aRecordedMessageSince(TODAY.minusYears(1))))
                    .at(NOW)
                    .build());

            assertThat(decision.allowed()).isTrue();
        }
    }
}
