/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.policy.Fixtures.EARLIER;
import static org.openmrs.module.patientrecordings.policy.Fixtures.NOW;
import static org.openmrs.module.patientrecordings.policy.Fixtures.decidedAt;
import static org.openmrs.module.patientrecordings.policy.Fixtures.given;
import static org.openmrs.module.patientrecordings.policy.Fixtures.withdrawnAt;
import static org.openmrs.module.patientrecordings.policy.Fixtures.withheld;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ConsentState;

/** Which decision about a kind and purpose is in force when decisions share an instant (CON-1, CON-4, CON-5). */
@DisplayName("CON-1, CON-4, CON-5: the decision in force when two share an instant")
class ConsentCoverageTest {

    @Test
    @DisplayName("CON-5: a withdrawal recorded at the same instant as the grant it ends is in force, in any order")
    void con5_withdrawalAtTheInstantOfTheGrantEndsIt() {
        ConsentFact grant = given(CONSULTATION, DIRECT_CARE);
        ConsentFact withdrawal = withdrawnAt(EARLIER, grant);

        assertThat(ConsentCoverage.stateFor(List.of(grant, withdrawal), CONSULTATION, DIRECT_CARE))
                .contains(ConsentState.WITHDRAWN);
        assertThat(ConsentCoverage.stateFor(List.of(withdrawal, grant), CONSULTATION, DIRECT_CARE))
                .contains(ConsentState.WITHDRAWN);
        assertThat(ConsentCoverage.given(List.of(grant, withdrawal), CONSULTATION, DIRECT_CARE))
                .isFalse();
    }

    @Test
    @DisplayName("CON-1: a consent superseded by one that leaves out a purpose covers that purpose no more")
    void con1_aSupersededConsentNoLongerCoversWhatItsSuccessorLeavesOut() {
        // Each consent is listed once, in the state it is in now (as RecordingConsent.fact() gives it).
        ConsentFact first = given(CONSULTATION, DIRECT_CARE, TRAINING);
        ConsentFact firstSuperseded =
                new ConsentFact(first.id(), first.kinds(), first.purposes(), ConsentState.SUPERSEDED, NOW);
        ConsentFact successor = decidedAt(NOW, given(CONSULTATION, DIRECT_CARE));
        List<ConsentFact> consents = List.of(firstSuperseded, successor);

        assertThat(ConsentCoverage.stateFor(consents, CONSULTATION, TRAINING)).isEmpty();
        assertThat(ConsentCoverage.given(consents, CONSULTATION, TRAINING)).isFalse();
        assertThat(ConsentCoverage.latest(consents, CONSULTATION, DIRECT_CARE)).contains(successor);
    }

    @Test
    @DisplayName("CON-4: a refusal and a consent recorded at the same instant: the refusal is in force, in any order")
    void con4_refusalAtTheInstantOfAConsentWins() {
        ConsentFact consent = given(CONSULTATION, DIRECT_CARE);
        ConsentFact refusal = withheld(CONSULTATION, DIRECT_CARE);

        assertThat(ConsentCoverage.stateFor(List.of(consent, refusal), CONSULTATION, DIRECT_CARE))
                .contains(ConsentState.WITHHELD);
        assertThat(ConsentCoverage.stateFor(List.of(refusal, consent), CONSULTATION, DIRECT_CARE))
                .contains(ConsentState.WITHHELD);
    }
}
