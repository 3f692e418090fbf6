/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.QUALITY;
import static org.openmrs.module.patientrecordings.policy.Fixtures.TODAY;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aClinician;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aPolicyAdministrator;
import static org.openmrs.module.patientrecordings.policy.Fixtures.errorLocations;
import static org.openmrs.module.patientrecordings.policy.SitePolicies.aPosterUpBetween;
import static org.openmrs.module.patientrecordings.policy.SitePolicies.aRecordedMessageSince;
import static org.openmrs.module.patientrecordings.policy.SitePolicies.aSite;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingKind;

/** Changing a site's recording policy: POL-1, VER-1, REC-2, TEL-1, TEL-2, TEL-4, SAF-3. */
class SitePolicyChangePolicyTest {

    private static final Set<String> SCHEDULES = Set.of("ENGLAND", "SCOTLAND", "WALES");

    private static Decision changing(Actor actor, int currentVersion, SitePolicies.SiteBuilder proposed) {
        return SitePolicyChangePolicy.decide(actor, currentVersion, proposed.build(), SCHEDULES, TODAY);
    }

    @Test
    void anAdministratorSetsUpTheFirstPolicyOfASite() {
        Decision decision = changing(aPolicyAdministrator(), 0, aSite().atVersion(1));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void refusesAChangeBySomeoneWhoMayNotManagePolicy() {
        Decision decision = changing(aClinician(), 0, aSite().atVersion(1));

        assertThat(decision.codes()).containsExactly(ErrorCode.SAF_3);
    }

    @Nested
    @DisplayName("VER-1 a change is the next version")
    class Versions {

        @Test
        void acceptsTheNextVersion() {
            assertThat(changing(aPolicyAdministrator(), 4, aSite().atVersion(5)).allowed())
                    .isTrue();
        }

        @Test
        void refusesAChangeMadeOnAnOlderVersion() {
            Decision decision = changing(aPolicyAdministrator(), 5, aSite().atVersion(5));

            assertThat(decision.codes()).containsExactly(ErrorCode.VER_1);
            assertThat(errorLocations(decision)).containsExactly("version");
        }

        @Test
        @DisplayName(
                "VER-1, POL-2: skipping a version is refused, naming the version now in force and the one expected")
        void refusesSkippingAVersion() {
            Decision decision = changing(aPolicyAdministrator(), 2, aSite().atVersion(4));

            assertThat(decision.codes()).containsExactly(ErrorCode.VER_1);
            assertThat(decision.reasons())
                    .singleElement()
                    .satisfies(reason -> assertThat(reason.message())
                            .contains("at version 2")
                            .contains("must be version 3"));
        }
    }

    @Nested
    @DisplayName("REC-2 the jurisdiction has a retention schedule")
    class Jurisdiction {

        @Test
        void refusesAJurisdictionWithoutARetentionSchedule() {
            Decision decision = changing(aPolicyAdministrator(), 0, aSite().inJurisdiction("ATLANTIS"));

            assertThat(decision.codes()).containsExactly(ErrorCode.REC_2);
            assertThat(errorLocations(decision)).containsExactly("jurisdiction");
        }

        @Test
        void acceptsAKnownJurisdiction() {
            assertThat(changing(aPolicyAdministrator(), 0, aSite().inJurisdiction("SCOTLAND"))
                            .allowed())
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("TEL-1, TEL-2, TEL-4 the telephone setting")
    class Telephone {

        @Test
        void switchesCallRecordingOnWithANoticeInUseAndDeclaredPurposes() {
            Decision decision = changing(
                    aPolicyAdministrator(),
                    0,
                    aSite().withTelephoneRecordingOn(Set.of(QUALITY), aRecordedMessageSince(TODAY)));

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesSwitchingCallRecordingOnWithoutAnyNotice() {
            Decision decision = changing(aPolicyAdministrator(), 0, aSite().withTelephoneRecordingOn(Set.of(QUALITY)));

            assertThat(decision.codes()).containsExactly(ErrorCode.TEL_2);
            assertThat(errorLocations(decision)).containsExactly("telephone.notices");
        }

        @Test
        void refusesSwitchingOnWhenTheOnlyNoticeStartsTomorrow() {
            Decision decision = changing(
                    aPolicyAdministrator(),
                    0,
                    aSite().withTelephoneRecordingOn(Set.of(QUALITY), aRecordedMessageSince(TODAY.plusDays(1))));

            assertThat(decision.codes()).containsExactly(ErrorCode.TEL_2);
        }

        @Test
        void refusesKeepingItOnWhenEveryNoticeHasEnded() {
            Decision decision = changing(
                    aPolicyAdministrator(),
                    0,
                    aSite().withTelephoneRecordingOn(
                                    Set.of(QUALITY), aPosterUpBetween(TODAY.minusYears(1), TODAY.minusDays(1))));

            assertThat(decision.codes()).containsExactly(ErrorCode.TEL_2);
        }

        @Test
        void switchingCallRecordingOffNeedsNoNotice() {
            Decision decision = changing(
                    aPolicyAdministrator(),
                    0,
                    aSite().withTelephone(new TelephonePolicy(
                            false, Set.of(), List.of(aPosterUpBetween(TODAY.minusYears(1), TODAY.minusDays(1))))));

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesSwitchingOnWithoutDeclaringThePurposes() {
            Decision decision = changing(
                    aPolicyAdministrator(),
                    0,
                    aSite().withTelephoneRecordingOn(Set.of(), aRecordedMessageSince(TODAY)));

            assertThat(decision.codes()).containsExactly(ErrorCode.TEL_4);
        }

        @Test
        void refusesTelephoneAsAKindStaffMayRecordOneCallAtATime() {
            Decision decision = changing(
                    aPolicyAdministrator(), 0, aSite().allowing(RecordingKind.CONSULTATION, RecordingKind.TELEPHONE));

            assertThat(decision.codes()).containsExactly(ErrorCode.TEL_1);
            assertThat(errorLocations(decision)).containsExactly("allowedKinds");
        }
    }

    @Test
    void reportsEveryProblemOfAChangeAtOnce() {
        Decision decision = changing(
                aClinician(),
                3,
                aSite().atVersion(3)
                        .inJurisdiction("ATLANTIS")
                        .withTelephoneRecordingOn(Set.of())
                        .allowing(RecordingKind.TELEPHONE));

        assertThat(decision.codes())
                .containsExactlyInAnyOrder(
                        ErrorCode.SAF_3,
                        ErrorCode.VER_1,
                        ErrorCode.REC_2,
                        ErrorCode.TEL_1,
                        ErrorCode.TEL_2,
                        ErrorCode.TEL_4);
    }
}
