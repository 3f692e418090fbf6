/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aClinician;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aNurseWhoDeclinedToBeRecorded;
import static org.openmrs.module.patientrecordings.policy.Fixtures.aPatientWhoObjectsToBeingRecorded;
import static org.openmrs.module.patientrecordings.policy.RecordingRequests.aConsultation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingKind;

/** A rule set runs every rule and keeps every reason, whatever the order of its rules. */
class RuleSetTest {

    /** Breaks CON-1, CON-10, CON-11, STF-1 and POL-1 at once. */
    private static final StartRecordingRequest BREAKS_FIVE_RULES = aConsultation()
            .forPatient(aPatientWhoObjectsToBeingRecorded())
            .byClinician(aClinician())
            .forPurposes(Purpose.DIRECT_CARE, Purpose.DEFENCE)
            .atSite(SitePolicies.aSite().notAllowing(RecordingKind.CONSULTATION))
            .withStaffPresent(aNurseWhoDeclinedToBeRecorded())
            .build();

    private static final List<Rule<StartRecordingRequest>> START_RULES = List.of(
            PatientRecordingRules::knownPatientAndPurpose,
            RecordingConsentRules::activeConsentCoversKindAndEveryPurpose,
            RecordingConsentRules::refusedPurposesCannotBeRecorded,
            RecordingConsentRules::noRecordingAgainstStandingObjection,
            RecordingConsentRules::defensivePurposeNeedsStatedReason,
            CovertRecordingRules::covertRecordingNeedsAuthorisation,
            CovertRecordingRules::covertRecordingNeedsPrivilege,
            StaffRules::objectingStaffCannotBeRecorded,
            SiteRules::noFilmingAreas,
            SiteRules::sitePolicyAllowsRecording);

    @Test
    void aRequestBreakingSeveralRulesGetsEveryCode() {
        Decision decision = StartRecordingPolicy.decide(BREAKS_FIVE_RULES);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.codes())
                .containsExactlyInAnyOrder(
                        ErrorCode.CON_1, ErrorCode.CON_10, ErrorCode.CON_11, ErrorCode.STF_1, ErrorCode.POL_1);
    }

    @Test
    void aRuleSetWithNoRulesAllows() {
        assertThat(RuleSet.<StartRecordingRequest>of().decide(BREAKS_FIVE_RULES).allowed())
                .isTrue();
    }

    @Property
    void theOrderOfTheRealRulesDoesNotChangeTheDecision(@ForAll Random random) {
        List<Rule<StartRecordingRequest>> shuffled = new ArrayList<>(START_RULES);
        Collections.shuffle(shuffled, random);

        Decision inOrder = new RuleSet<>(START_RULES).decide(BREAKS_FIVE_RULES);
        Decision reordered = new RuleSet<>(shuffled).decide(BREAKS_FIVE_RULES);

        assertThat(reordered).isEqualTo(inOrder);
        assertThat(reordered.codes()).hasSize(5);
    }

    @Property
    void theOrderOfAnyRulesDoesNotChangeTheDecision(
            @ForAll("ruleOutcomes") List<List<Reason>> outcomes, @ForAll Random random) {
        List<Rule<Object>> rules = new ArrayList<>();
        outcomes.forEach(reasons -> rules.add(request -> reasons));
        List<Rule<Object>> shuffled = new ArrayList<>(rules);
        Collections.shuffle(shuffled, random);

        Decision inOrder = new RuleSet<>(rules).decide("request");
        Decision reordered = new RuleSet<>(shuffled).decide("request");

        assertThat(reordered).isEqualTo(inOrder);
        assertThat(reordered.allowed())
                .isEqualTo(outcomes.stream().flatMap(List::stream).noneMatch(Reason::isError));
    }

    @Provide
    Arbitrary<List<List<Reason>>> ruleOutcomes() {
        Arbitrary<Reason> reason = Combinators.combine(
                        Arbitraries.of(ErrorCode.class),
                        Arbitraries.of(Reason.Severity.class),
                        Arbitraries.strings().alpha().ofMaxLength(8),
                        Arbitraries.of("purpose", "subject").injectNull(0.3))
                .as(Reason::new);
        return reason.list().ofMaxSize(3).list().ofMaxSize(8);
    }
}
