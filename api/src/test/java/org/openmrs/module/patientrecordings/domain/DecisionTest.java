/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** The engine's combining properties: deny wins, every reason is kept, order does not matter. */
class DecisionTest {

    private static final Reason NO_CONSENT = Reason.error(ErrorCode.CON_1, "no consent", "purpose");
    private static final Reason OBJECTION = Reason.error(ErrorCode.CON_10, "standing objection", "subject");
    private static final Reason STAFF = Reason.error(ErrorCode.STF_1, "nurse declined", "operator");
    private static final Reason DEFENSIVE = Reason.warning(ErrorCode.CON_11, "defensive purpose");

    @Test
    void denyWinsOverWarnings() {
        Decision decision = Decision.of(List.of(DEFENSIVE, NO_CONSENT));

        assertThat(decision).isInstanceOf(Decision.Denied.class);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.codes()).containsExactlyInAnyOrder(ErrorCode.CON_1, ErrorCode.CON_11);
    }

    @Test
    void denyWinsWhenCombiningAnAllowedAndADeniedDecision() {
        Decision decision = Decision.all(List.of(Decision.allow(), Decision.deny(STAFF)));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.codes()).containsExactly(ErrorCode.STF_1);
    }

    @Test
    void warningsAloneAllow() {
        Decision decision = Decision.of(List.of(DEFENSIVE));

        assertThat(decision).isInstanceOf(Decision.Allowed.class);
        assertThat(decision.warnings()).containsExactly(DEFENSIVE);
    }

    @Test
    void noReasonsAllow() {
        assertThat(Decision.of(List.of()).allowed()).isTrue();
        assertThat(Decision.allow().reasons()).isEmpty();
    }

    @Test
    void aRequestBreakingThreeRulesGetsThreeCodes() {
        Decision decision = Decision.all(
                List.of(Decision.deny(NO_CONSENT), Decision.deny(OBJECTION), Decision.allow(), Decision.deny(STAFF)));

        assertThat(decision.codes()).containsExactlyInAnyOrder(ErrorCode.CON_1, ErrorCode.CON_10, ErrorCode.STF_1);
        assertThat(decision.reasons()).containsExactlyInAnyOrder(NO_CONSENT, OBJECTION, STAFF);
    }

    @Test
    void denyKeepsEveryReasonGiven() {
        Decision decision = Decision.deny(NO_CONSENT, OBJECTION, DEFENSIVE);

        assertThat(decision.reasons()).containsExactlyInAnyOrder(NO_CONSENT, OBJECTION, DEFENSIVE);
    }

    @Test
    void theSameReasonTwiceIsKeptOnce() {
        Decision decision = Decision.of(List.of(NO_CONSENT, NO_CONSENT));

        assertThat(decision.reasons()).containsExactly(NO_CONSENT);
    }

    @Test
    void anAllowedDecisionCannotCarryErrors() {
        assertThatThrownBy(() -> new Decision.Allowed(List.of(DEFENSIVE, NO_CONSENT)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeniedDecisionNeedsAnError() {
        assertThatThrownBy(() -> new Decision.Denied(List.of(DEFENSIVE))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision.Denied(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void orThrowCarriesEveryReasonOfADenial() {
        Decision decision = Decision.deny(NO_CONSENT, STAFF);

        assertThatThrownBy(decision::orThrow)
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons()).containsExactlyInAnyOrder(NO_CONSENT, STAFF));
    }

    @Test
    void orThrowReturnsAnAllowedDecision() {
        Decision decision = Decision.of(List.of(DEFENSIVE));

        assertThat(decision.orThrow()).isSameAs(decision);
    }

    @Property
    void combiningReasonsIsOrderIndependent(@ForAll("reasons") List<Reason> reasons, @ForAll Random random) {
        List<Reason> shuffled = new ArrayList<>(reasons);
        Collections.shuffle(shuffled, random);

        assertThat(Decision.of(shuffled)).isEqualTo(Decision.of(reasons));
    }

    @Property
    void combiningDecisionsIsOrderIndependent(@ForAll("decisions") List<Decision> decisions, @ForAll Random random) {
        List<Decision> shuffled = new ArrayList<>(decisions);
        Collections.shuffle(shuffled, random);

        assertThat(Decision.all(shuffled)).isEqualTo(Decision.all(decisions));
    }

    @Property
    void deniedExactlyWhenSomeReasonIsAnError(@ForAll("reasons") List<Reason> reasons) {
        Decision decision = Decision.of(reasons);

        assertThat(decision.allowed()).isEqualTo(reasons.stream().noneMatch(Reason::isError));
        assertThat(decision.reasons())
                .containsExactlyInAnyOrderElementsOf(reasons.stream().distinct().toList());
    }

    @Provide
    Arbitrary<List<Reason>> reasons() {
        return reason().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Decision>> decisions() {
        return reason().list().ofMaxSize(4).map(Decision::of).list().ofMaxSize(5);
    }

    private static Arbitrary<Reason> reason() {
        return Combinators.combine(
                        Arbitraries.of(ErrorCode.class),
                        Arbitraries.of(Reason.Severity.class),
                        Arbitraries.strings().alpha().ofMaxLength(8),
                        Arbitraries.of("audience", "purpose", "subject").injectNull(0.3))
                .as(Reason::new);
    }
}
