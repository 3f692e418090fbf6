/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DEFENCE;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.policy.ConsentDecisions.aConsentGiven;
import static org.openmrs.module.patientrecordings.policy.ConsentDecisions.aConsentWithheld;
import static org.openmrs.module.patientrecordings.policy.ConsentDecisions.consentTerms;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aUserWithEveryPrivilegeBut;
import static org.openmrs.module.patientrecordings.policy.Fixtures.anUnknownPatient;
import static org.openmrs.module.patientrecordings.policy.Fixtures.errorLocations;
import static org.openmrs.module.patientrecordings.policy.Fixtures.errors;
import static org.openmrs.module.patientrecordings.policy.Fixtures.warnings;
import static org.openmrs.module.patientrecordings.policy.SitePolicies.aSite;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Purpose;

/** Recording a consent decision: CON-2, CON-3, and the CON-4, CON-11, POL-1, SAF-3, SAF-4 checks on it. */
class ConsentRulesTest {

    @Test
    void recordsAConsentThatSaysEverythingAndWasFreelyGiven() {
        Decision decision = ConsentPolicy.decide(
                aConsentGiven().on(consentTerms().complete()).build());

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.reasons()).isEmpty();
    }

    @Nested
    @DisplayName("CON-2 a consent records everything the patient was told")
    class WhatThePatientWasTold {

        @Test
        void listsEveryMissingElementAtOnce() {
            Decision decision =
                    ConsentPolicy.decide(aConsentGiven().on(consentTerms()).build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.CON_2);
            assertThat(errorLocations(decision))
                    .containsExactlyInAnyOrder(
                            "kinds", "purposes", "audience", "contextOfUse", "copies", "storage", "retention");
        }

        @Test
        void refusesAConsentThatDoesNotSayWhoWillSeeTheRecording() {
            Decision decision = ConsentPolicy.decide(aConsentGiven()
                    .on(consentTerms().complete().withoutSayingWhoWillSeeIt())
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_2);
            assertThat(errorLocations(decision)).containsExactly("audience");
        }

        @Test
        @DisplayName("CON-2: an audience of blank names says no more than none, and is refused")
        void refusesAnAudienceOfBlankNames() {
            Decision decision = ConsentPolicy.decide(aConsentGiven()
                    .on(consentTerms().complete().seenBy(" ", "", null))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_2);
            assertThat(errorLocations(decision)).containsExactly("audience");
        }

        @Test
        @DisplayName("CON-2: blank names in an audience are dropped, the named ones kept")
        void keepsOnlyTheNamedAudience() {
            ConsentTerms terms =
                    consentTerms().complete().seenBy("the care team", " ").build();

            assertThat(terms.audience()).containsExactly("the care team");
        }

        @Test
        void refusesAConsentThatDoesNotSayWhetherCopiesWillBeMade() {
            Decision decision = ConsentPolicy.decide(aConsentGiven()
                    .on(consentTerms().complete().withoutSayingWhetherCopiesWillBeMade())
                    .build());

            assertThat(errorLocations(decision)).containsExactly("copies");
        }

        @Test
        void acceptsBeingToldThatNoCopiesWillBeMade() {
            Decision decision = ConsentPolicy.decide(
                    aConsentGiven().on(consentTerms().complete()).build());

            assertThat(decision.codes()).doesNotContain(ErrorCode.CON_2);
        }
    }

    @Nested
    @DisplayName("CON-3 the patient was told they may refuse or withdraw, freely")
    class FreelyGiven {

        @Test
        void refusesAConsentWithoutTheAttestation() {
            Decision decision = ConsentPolicy.decide(
                    aConsentGiven().attesting(Attestation.NONE).build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.CON_3);
            assertThat(errorLocations(decision))
                    .containsExactlyInAnyOrder(
                            "toldMayRefuseOrWithdraw", "toldRefusalDoesNotAffectCare", "underNoPressure");
        }

        @Test
        void refusesAConsentGivenUnderPressure() {
            Decision decision = ConsentPolicy.decide(aConsentGiven()
                    .attesting(new Attestation(true, true, false))
                    .build());

            assertThat(errorLocations(decision)).containsExactly("underNoPressure");
        }

        @Test
        void refusesAConsentWhereThePatientWasNotToldRefusingWouldNotAffectTheirCare() {
            Decision decision = ConsentPolicy.decide(
                    aConsentGiven().attesting(new Attestation(true, null, true)).build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_3);
            assertThat(errorLocations(decision)).containsExactly("toldRefusalDoesNotAffectCare");
        }

        @Test
        void reportsMissingTermsAndMissingAttestationTogether() {
            Decision decision = ConsentPolicy.decide(aConsentGiven()
                    .on(consentTerms())
                    .attesting(Attestation.NONE)
                    .build());

            assertThat(decision.codes()).containsExactlyInAnyOrder(ErrorCode.CON_2, ErrorCode.CON_3);
        }
    }

    @Nested
    @DisplayName("CON-4 a refused consent is recorded too")
    class RefusedConsent {

        @Test
        void recordsARefusalWithOnlyTheKindsAndPurposesRefused() {
            Decision decision = ConsentPolicy.decide(aConsentWithheld()
                    .on(consentTerms().about(CONSULTATION).forPurposes(TRAINING))
                    .attesting(Attestation.NONE)
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesARefusalThatDoesNotSayWhatWasRefused() {
            Decision decision =
                    ConsentPolicy.decide(aConsentWithheld().on(consentTerms()).build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_2);
            assertThat(errorLocations(decision)).containsExactlyInAnyOrder("kinds", "purposes");
        }

        @Test
        void recordsARefusalForAPurposeTheSiteDoesNotAllow() {
            Decision decision = ConsentPolicy.decide(aConsentWithheld()
                    .on(consentTerms().about(CONSULTATION).forPurposes(Purpose.of("MARKETING")))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("CON-11 consent to a purely defensive purpose")
    class DefensivePurpose {

        @Test
        void refusesConsentToADefensivePurposeWithoutAStatedReason() {
            Decision decision = ConsentPolicy.decide(aConsentGiven()
                    .on(consentTerms().complete().forPurposes(DIRECT_CARE, DEFENCE))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_11);
        }

        @Test
        void recordsConsentToADefensivePurposeWithAReasonAndWarns() {
            Decision decision = ConsentPolicy.decide(aConsentGiven()
                    .on(consentTerms()
                            .complete()
                            .forPurposes(DIRECT_CARE, DEFENCE)
                            .becauseOf("Repeated disputes about what was said at consultations"))
                    .build());

            assertThat(decision.allowed()).isTrue();
            assertThat(warnings(decision)).containsExactly(ErrorCode.CON_11);
        }
    }

    @Nested
    @DisplayName("POL-1, SAF-3, SAF-4 on consent decisions")
    class Guards {

        @Test
        void refusesConsentToASecondaryPurposeTheSiteDoesNotAllow() {
            Decision decision = ConsentPolicy.decide(aConsentGiven()
                    .on(consentTerms().complete().forPurposes(DIRECT_CARE, Purpose.RESEARCH))
                    .atSite(aSite().allowingSecondaryUseFor(TRAINING))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.POL_1);
        }

        @Test
        void refusesSomeoneWhoMayNotManageConsent() {
            Decision decision = ConsentPolicy.decide(aConsentGiven()
                    .by(aUserWithEveryPrivilegeBut(Privilege.MANAGE_CONSENT))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_3);
        }

        @Test
        void refusesAConsentForAnUnknownPatient() {
            Decision decision = ConsentPolicy.decide(
                    aConsentGiven().forPatient(anUnknownPatient()).build());

            assertThat(errors(decision)).containsExactly(ErrorCode.SAF_4);
        }
    }
}
