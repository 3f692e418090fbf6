/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.PATIENT_OWN_USE;
import static org.openmrs.module.patientrecordings.domain.Purpose.QUALITY;
import static org.openmrs.module.patientrecordings.domain.Purpose.RESEARCH;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.policy.Fixtures.EARLIER;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aClinician;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aCovertRecordingAuthoriser;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aDisclosureOfficer;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aReceptionist;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aRecordsManager;
import static org.openmrs.module.patientrecordings.policy.Fixtures.decidedAt;
import static org.openmrs.module.patientrecordings.policy.Fixtures.errors;
import static org.openmrs.module.patientrecordings.policy.Fixtures.given;
import static org.openmrs.module.patientrecordings.policy.Fixtures.warnings;
import static org.openmrs.module.patientrecordings.policy.Fixtures.withdrawn;
import static org.openmrs.module.patientrecordings.policy.Fixtures.withdrawnAt;
import static org.openmrs.module.patientrecordings.policy.Fixtures.withheld;
import static org.openmrs.module.patientrecordings.policy.Recordings.aRecordedConsultation;
import static org.openmrs.module.patientrecordings.policy.Recordings.aRequestTo;
import static org.openmrs.module.patientrecordings.policy.SitePolicies.aSite;
import static org.openmrs.module.patientrecordings.policy.UseAction.COPY;
import static org.openmrs.module.patientrecordings.policy.UseAction.DISCLOSE;
import static org.openmrs.module.patientrecordings.policy.UseAction.EXPORT;
import static org.openmrs.module.patientrecordings.policy.UseAction.PLAY;
import static org.openmrs.module.patientrecordings.policy.UseAction.VIEW;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingState;

/** Using and disclosing a recording: SEC-1, SEC-2, CON-5, CON-6, CON-7, STF-2, COV-2, SAF-3, legal authority. */
class UseRulesTest {

    @Test
    void aClinicianPlaysARecordingForDirectCare() {
        Decision decision = UsePolicy.decide(
                aRequestTo(PLAY).by(aClinician()).forPurpose(DIRECT_CARE).build());

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.reasons()).isEmpty();
    }

    @Nested
    @DisplayName("SEC-1 secondary use needs consent or an anonymised derivative")
    class SecondaryUse {

        @Test
        void allowsTrainingUseThePatientConsentedTo() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(TRAINING)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE, TRAINING))
                    .withConsent(given(CONSULTATION, DIRECT_CARE, TRAINING))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesIdentifiableTrainingUseWithoutConsent() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(TRAINING)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE, TRAINING))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.SEC_1);
        }

        @Test
        void refusesDisclosureForResearchWithoutConsent() {
            Decision decision = UsePolicy.decide(aRequestTo(DISCLOSE)
                    .by(aDisclosureOfficer())
                    .forPurpose(RESEARCH)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE, RESEARCH))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.SEC_1);
        }

        @Test
        void allowsAnAnonymisedDerivativeWithoutConsent() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(TRAINING)
                    .of(aRecordedConsultation().forPurposes(TRAINING).anonymised())
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesConsentForAnotherKindOfRecording() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(TRAINING)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE, TRAINING))
                    .withConsent(given(RecordingKind.CLINICAL_PHOTO, TRAINING))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.SEC_1);
        }

        @Test
        void refusesAPurposeThePatientRefused() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(TRAINING)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE, TRAINING))
                    .withConsent(withheld(CONSULTATION, TRAINING))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(errors(decision)).containsExactly(ErrorCode.SEC_1);
        }

        @Test
        void thePatientsOwnAccessIsNotASecondaryUse() {
            Decision decision = UsePolicy.decide(aRequestTo(EXPORT)
                    .by(aDisclosureOfficer())
                    .forPurpose(PATIENT_OWN_USE)
                    .build());

            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("SEC-2 use outside the consent needs further consent")
    class OutsideTheConsent {

        @Test
        void refusesResearchUseOfARecordingMadeForTraining() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(RESEARCH)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE, TRAINING))
                    .withConsent(given(CONSULTATION, DIRECT_CARE, TRAINING))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.SEC_2);
        }

        @Test
        void allowsItOnceFurtherConsentIsGiven() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(RESEARCH)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE, TRAINING))
                    .withConsent(
                            given(CONSULTATION, DIRECT_CARE, TRAINING),
                            decidedAt(EARLIER.plusSeconds(86_400), given(CONSULTATION, RESEARCH)))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("POL-1 the site allows the secondary purpose and names its approver")
    class SiteAllowsSecondaryUse {

        @Test
        void refusesAPurposeTheSiteDoesNotAllowEvenWithConsent() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(RESEARCH)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE, RESEARCH))
                    .withConsent(given(CONSULTATION, RESEARCH))
                    .atSite(aSite().allowingSecondaryUseFor(TRAINING))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.POL_1);
        }

        @Test
        void refusesAUseTheNamedApproverHasNotApproved() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(RESEARCH)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE, RESEARCH))
                    .withConsent(given(CONSULTATION, RESEARCH))
                    .atSite(aSite().withUseFor(RESEARCH, "Caldicott Guardian"))
                    .approvedBy("Practice Manager")
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.POL_1);
        }

        @Test
        void allowsAUseTheNamedApproverApproved() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(RESEARCH)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE, RESEARCH))
                    .withConsent(given(CONSULTATION, RESEARCH))
                    .atSite(aSite().withUseFor(RESEARCH, "Caldicott Guardian"))
                    .approvedBy("Caldicott Guardian")
                    .build());

            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("CON-5 sealed content is never played, copied or disclosed")
    class Sealed {

        @ParameterizedTest
        @EnumSource(UseAction.class)
        void refusesEveryUseOfSealedContent(UseAction action) {
            Decision decision = UsePolicy.decide(aRequestTo(action)
                    .by(aRecordsManager())
                    .of(aRecordedConsultation().in(RecordingState.SEALED))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).contains(ErrorCode.CON_5);
        }

        @Test
        void refusesSealedContentEvenToACourtOrder() {
            Decision decision = UsePolicy.decide(aRequestTo(DISCLOSE)
                    .by(aDisclosureOfficer())
                    .of(aRecordedConsultation().in(RecordingState.SEALED))
                    .under(LegalAuthority.COURT_ORDER)
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.CON_5);
        }

        @Test
        void refusesDestroyedContentAndContentNotYetRecorded() {
            Decision destroyed = UsePolicy.decide(aRequestTo(PLAY)
                    .of(aRecordedConsultation().in(RecordingState.DESTROYED))
                    .build());
            Decision requested = UsePolicy.decide(aRequestTo(PLAY)
                    .of(aRecordedConsultation().in(RecordingState.REQUESTED))
                    .build());

            assertThat(destroyed.codes()).containsExactly(ErrorCode.LIF_1);
            assertThat(requested.codes()).containsExactly(ErrorCode.LIF_1);
        }
    }

    @Nested
    @DisplayName("CON-6 after a withdrawal, no new use outside the remaining consent")
    class WithdrawnAfterRecording {

        @Test
        void refusesTrainingUseAfterTheConsentToItWasWithdrawn() {
            ConsentFact consent = given(CONSULTATION, DIRECT_CARE, TRAINING);
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(TRAINING)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE, TRAINING))
                    .withConsent(withdrawnAt(EARLIER.plusSeconds(3_000), consent))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.CON_6);
        }

        @Test
        void stillServesDirectCareAfterTheWithdrawal() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(DIRECT_CARE)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE))
                    .withConsent(withdrawn(CONSULTATION, DIRECT_CARE, TRAINING))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void allowsUseThatAnotherConsentStillCovers() {
            ConsentFact first = given(CONSULTATION, DIRECT_CARE, TRAINING);
            ConsentFact second = decidedAt(EARLIER.plusSeconds(60), given(CONSULTATION, TRAINING));
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(TRAINING)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE, TRAINING))
                    .withConsent(withdrawnAt(EARLIER.plusSeconds(120), first), second)
                    .build());

            assertThat(decision.codes()).doesNotContain(ErrorCode.CON_6);
            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("CON-7 until the patient confirms, direct care only")
    class AwaitingConfirmation {

        @Test
        void allowsDirectCareBeforeThePatientConfirms() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(DIRECT_CARE)
                    .of(aRecordedConsultation().in(RecordingState.PENDING_CONFIRMATION))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void refusesTrainingUseBeforeThePatientConfirmsEvenWithConsent() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(TRAINING)
                    .of(aRecordedConsultation()
                            .forPurposes(DIRECT_CARE, TRAINING)
                            .in(RecordingState.PENDING_CONFIRMATION))
                    .withConsent(given(CONSULTATION, DIRECT_CARE, TRAINING))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.CON_7);
        }

        @Test
        void allowsTrainingUseOnceConfirmed() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(TRAINING)
                    .of(aRecordedConsultation()
                            .forPurposes(DIRECT_CARE, TRAINING)
                            .in(RecordingState.COMPLETED))
                    .withConsent(given(CONSULTATION, DIRECT_CARE, TRAINING))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("STF-2 other people captured need their consent or a redaction")
    class OthersCaptured {

        @Test
        void refusesDisclosureOutsideDirectCareOfARecordingCapturingOthers() {
            Decision decision = UsePolicy.decide(aRequestTo(DISCLOSE)
                    .by(aDisclosureOfficer())
                    .forPurpose(TRAINING)
                    .of(aRecordedConsultation()
                            .forPurposes(DIRECT_CARE, TRAINING)
                            .capturingOtherPeople())
                    .withConsent(given(CONSULTATION, DIRECT_CARE, TRAINING))
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.STF_2);
        }

        @Test
        void refusesTheSubjectAccessCopyUnlessRedacted() {
            Decision decision = UsePolicy.decide(aRequestTo(EXPORT)
                    .by(aDisclosureOfficer())
                    .forPurpose(PATIENT_OWN_USE)
                    .of(aRecordedConsultation().capturingOtherPeople())
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.STF_2);
        }

        @Test
        void allowsItWithTheirConsentOrARedactedDerivative() {
            Decision decision = UsePolicy.decide(aRequestTo(DISCLOSE)
                    .by(aDisclosureOfficer())
                    .forPurpose(TRAINING)
                    .of(aRecordedConsultation()
                            .forPurposes(DIRECT_CARE, TRAINING)
                            .capturingOtherPeople())
                    .withConsent(given(CONSULTATION, DIRECT_CARE, TRAINING))
                    .withTheOthersConsentOrRedacted()
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void allowsDirectCareUseOfARecordingCapturingOthers() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(DIRECT_CARE)
                    .of(aRecordedConsultation().capturingOtherPeople())
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void aCompelledDisclosureGoesAheadWithAWarning() {
            Decision decision = UsePolicy.decide(aRequestTo(DISCLOSE)
                    .by(aDisclosureOfficer())
                    .forPurpose(TRAINING)
                    .of(aRecordedConsultation().capturingOtherPeople())
                    .under(LegalAuthority.COURT_ORDER)
                    .build());

            assertThat(decision.allowed()).isTrue();
            assertThat(warnings(decision)).containsExactly(ErrorCode.STF_2);
        }

        @Test
        @DisplayName("STF-2: a complaint compels no disclosure, so the others' consent or a redaction is still needed")
        void aComplaintDoesNotOverrideTheOthersConsent() {
            Decision decision = UsePolicy.decide(aRequestTo(DISCLOSE)
                    .by(aDisclosureOfficer())
                    .forPurpose(TRAINING)
                    .of(aRecordedConsultation().capturingOtherPeople())
                    .under(LegalAuthority.COMPLAINT)
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.STF_2);
            assertThat(errors(decision)).containsExactly(ErrorCode.STF_2);
        }
    }

    @Nested
    @DisplayName("COV-2 covert recordings are visible only to privileged users")
    class Covert {

        @Test
        void refusesAClinicianWithoutTheCovertPrivilege() {
            Decision decision = UsePolicy.decide(aRequestTo(VIEW)
                    .by(aClinician())
                    .of(aRecordedConsultation().madeCovertly())
                    .build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.COV_2);
        }

        @Test
        void allowsAUserWithTheCovertPrivilege() {
            Decision decision = UsePolicy.decide(aRequestTo(VIEW)
                    .by(aCovertRecordingAuthoriser())
                    .of(aRecordedConsultation().madeCovertly())
                    .build());

            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("SAF-3 each action takes its privilege")
    class Privileges {

        @ParameterizedTest
        @EnumSource(UseAction.class)
        void refusesAUserWithoutThePrivilegeForTheAction(UseAction action) {
            Decision decision =
                    UsePolicy.decide(aRequestTo(action).by(aReceptionist()).build());

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_3);
        }

        @Test
        void aClinicianMayCopyButNotDisclose() {
            Decision copy = UsePolicy.decide(aRequestTo(COPY).by(aClinician()).build());
            Decision disclose =
                    UsePolicy.decide(aRequestTo(DISCLOSE).by(aClinician()).build());

            assertThat(copy.allowed()).isTrue();
            assertThat(disclose.codes()).containsExactly(ErrorCode.SAF_3);
        }
    }

    @Nested
    @DisplayName("REC-1 a voided entry and legal authority")
    class VoidedAndLegalAuthority {

        @Test
        void refusesAVoidedRecordingToAClinician() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .by(aClinician())
                    .of(aRecordedConsultation().in(RecordingState.VOIDED))
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.REC_1);
        }

        @Test
        void allowsAVoidedRecordingToARecordsManager() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .by(aRecordsManager())
                    .of(aRecordedConsultation().in(RecordingState.VOIDED))
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @ParameterizedTest
        @EnumSource(LegalAuthority.class)
        void aLegalAuthorityDisclosesAnIdentifiableRecordingWithoutConsent(LegalAuthority authority) {
            Decision decision = UsePolicy.decide(aRequestTo(DISCLOSE)
                    .by(aDisclosureOfficer())
                    .forPurpose(RESEARCH)
                    .of(aRecordedConsultation().forPurposes(DIRECT_CARE))
                    .under(authority)
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void aLegalAuthorityReachesAVoidedRecording() {
            Decision decision = UsePolicy.decide(aRequestTo(DISCLOSE)
                    .by(aDisclosureOfficer())
                    .forPurpose(RESEARCH)
                    .of(aRecordedConsultation().in(RecordingState.VOIDED))
                    .under(LegalAuthority.CLAIM)
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void aLegalAuthorityStillNeedsTheDisclosePrivilege() {
            Decision decision = UsePolicy.decide(aRequestTo(DISCLOSE)
                    .by(aClinician())
                    .forPurpose(RESEARCH)
                    .under(LegalAuthority.COURT_ORDER)
                    .build());

            assertThat(decision.codes()).containsExactly(ErrorCode.SAF_3);
        }

        @Test
        void aLegalAuthorityDisclosesARecordingAwaitingConfirmation() {
            Decision decision = UsePolicy.decide(aRequestTo(DISCLOSE)
                    .by(aDisclosureOfficer())
                    .forPurpose(RESEARCH)
                    .of(aRecordedConsultation().in(RecordingState.PENDING_CONFIRMATION))
                    .under(LegalAuthority.CLAIM)
                    .build());

            assertThat(decision.allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("TEL-4 and SEC-1 on routine call recordings")
    class CallRecordings {

        @Test
        void allowsARoutineCallRecordingToServeTheDeclaredPurpose() {
            Decision decision = UsePolicy.decide(aRequestTo(PLAY)
                    .forPurpose(QUALITY)
                    .of(aRecordedConsultation()
                            .ofKind(RecordingKind.TELEPHONE)
                            .madeBy(Initiator.SYSTEM)
                            .forPurposes(QUALITY))
                    .atSite(aSite().withRoutineCallRecording())
                    .build());

            assertThat(decision.allowed()).isTrue();
        }
    }
}
