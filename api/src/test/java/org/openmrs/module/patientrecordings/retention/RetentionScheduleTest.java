/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.openmrs.module.patientrecordings.retention.RetentionRule.agedAtLeast;
import static org.openmrs.module.patientrecordings.retention.RetentionRule.agedBetween;
import static org.openmrs.module.patientrecordings.retention.RetentionRule.latestOf;
import static org.openmrs.module.patientrecordings.retention.RetentionRule.untilBirthday;
import static org.openmrs.module.patientrecordings.retention.RetentionRule.yearsAfterDeath;
import static org.openmrs.module.patientrecordings.retention.RetentionRule.yearsAfterLastTreatment;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("REC-2 / POL-1: a site configures and overrides retention schedules")
class RetentionScheduleTest {

    private static final Jurisdiction ELSEWHERE = Jurisdiction.of("ELSEWHERE");

    private final RetentionCalculator calculator = new RetentionCalculator();

    private static Map<RecordClass, RetentionRule> everyClass(RetentionRule rule) {
        Map<RecordClass, RetentionRule> entries = new EnumMap<>(RecordClass.class);
        for (RecordClass recordClass : RecordClass.values()) {
            entries.put(recordClass, rule);
        }
        return entries;
    }

    @Test
    void computesWithAScheduleASiteDefinesForAnotherJurisdiction() {
        var schedule = new RetentionSchedule(
                ELSEWHERE, everyClass(latestOf(yearsAfterLastTreatment(6), yearsAfterDeath(3), untilBirthday(21))));
        var facts = RetentionFacts.living(
                LocalDate.parse("1990-01-01"), LocalDate.parse("2020-03-15"), RecordClass.MATERNITY);

        RetentionEnd end = calculator.retentionEnd(schedule, facts);

        assertThat(end.keepUntil()).contains(LocalDate.parse("2026-03-15"));
        assertThat(end.basis().ruleId()).isEqualTo("ELSEWHERE/MATERNITY/6y-after-last-treatment");
    }

    @Test
    void overridesOneEntryAndLeavesTheOthers() {
        RetentionSchedule england = RetentionSchedules.england();

        RetentionSchedule longerMaternity = england.withEntry(RecordClass.MATERNITY, yearsAfterLastTreatment(30));

        assertThat(longerMaternity.ruleFor(RecordClass.MATERNITY)).isEqualTo(yearsAfterLastTreatment(30));
        assertThat(longerMaternity.ruleFor(RecordClass.GP)).isEqualTo(england.ruleFor(RecordClass.GP));
        assertThat(england.ruleFor(RecordClass.MATERNITY)).isEqualTo(yearsAfterLastTreatment(25));
    }

    @Test
    void refusesAScheduleWithoutARuleForEveryRecordClass() {
        Map<RecordClass, RetentionRule> entries = everyClass(yearsAfterLastTreatment(8));
        entries.remove(RecordClass.GP);
        entries.remove(RecordClass.MATERNITY);

        assertThatThrownBy(() -> new RetentionSchedule(ELSEWHERE, entries))
                .isInstanceOf(InvalidRetentionScheduleException.class)
                .extracting(e -> ((InvalidRetentionScheduleException) e).problems(), LIST)
                .containsExactly("no rule for GP", "no rule for MATERNITY");
    }

    @Test
    void refusesARuleThatLeavesSomePatientsWithoutAnEnd() {
        RetentionRule adultsOnly = agedAtLeast(18, yearsAfterLastTreatment(8));

        assertThatThrownBy(() -> RetentionSchedules.england().withEntry(RecordClass.GENERAL, adultsOnly))
                .isInstanceOf(InvalidRetentionScheduleException.class)
                .hasMessageContaining("REC-2")
                .extracting(e -> ((InvalidRetentionScheduleException) e).problems(), LIST)
                .containsExactly(
                        "the rule for GENERAL gives no end for a living patient aged 0 to 17 at the last treatment",
                        "the rule for GENERAL gives no end for a deceased patient aged 0 to 17 at the last treatment");
    }

    @Test
    void refusesARuleThatGivesALivingPatientNoEnd() {
        assertThatThrownBy(() -> RetentionSchedules.england().withEntry(RecordClass.GP, yearsAfterDeath(10)))
                .isInstanceOf(InvalidRetentionScheduleException.class)
                .extracting(e -> ((InvalidRetentionScheduleException) e).problems(), LIST)
                .containsExactly(
                        "the rule for GP gives no end for a living patient aged 0 to 150 at the last treatment");
    }

    @Test
    void refusesImplausiblePeriodsAndAges() {
        assertThatThrownBy(() -> yearsAfterLastTreatment(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> yearsAfterDeath(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> untilBirthday(151)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> agedBetween(18, 17, untilBirthday(25))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> agedBetween(-1, 17, untilBirthday(25))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatestOf(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMalformedJurisdictionCodes() {
        assertThatThrownBy(() -> Jurisdiction.of("england")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jurisdiction.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jurisdiction.of(null)).isInstanceOf(NullPointerException.class);
        assertThat(Jurisdiction.of("NORTHERN_IRELAND").code()).isEqualTo("NORTHERN_IRELAND");
    }

    @Test
    void citesTheFirstListedRuleWhenTwoGiveTheSameEnd() {
        var schedule = new RetentionSchedule(
                ELSEWHERE, everyClass(latestOf(yearsAfterLastTreatment(10), yearsAfterDeath(10))));
        var facts = RetentionFacts.living(
                        LocalDate.parse("1990-01-01"), LocalDate.parse("2020-03-15"), RecordClass.GENERAL)
                .withDeath(LocalDate.parse("2020-03-15"));

        assertThat(calculator.retentionEnd(schedule, facts).basis().ruleId())
                .isEqualTo("ELSEWHERE/GENERAL/10y-after-last-treatment");
    }

    @Test
    @DisplayName("REC-2: a rule that gives deceased patients no end is refused, for every age")
    void refusesARuleThatGivesADeceasedPatientNoEnd() {
        assertThatThrownBy(() -> RetentionSchedules.england().withEntry(RecordClass.GP, RetentionRule.whileAlive()))
                .isInstanceOf(InvalidRetentionScheduleException.class)
                .extracting(e -> ((InvalidRetentionScheduleException) e).problems(), LIST)
                .containsExactly(
                        "the rule for GP gives no end for a deceased patient aged 0 to 150 at the last treatment");
    }

    @Test
    @DisplayName("REC-2: a gap of a single age is named as that age")
    void namesAOneYearGapByItsAge() {
        RetentionRule notAtSeventeen =
                latestOf(agedBetween(0, 16, untilBirthday(25)), agedAtLeast(18, yearsAfterLastTreatment(8)));

        assertThatThrownBy(() -> RetentionSchedules.england().withEntry(RecordClass.GENERAL, notAtSeventeen))
                .isInstanceOf(InvalidRetentionScheduleException.class)
                .extracting(e -> ((InvalidRetentionScheduleException) e).problems(), LIST)
                .containsExactly(
                        "the rule for GENERAL gives no end for a living patient aged 17 at the last treatment",
                        "the rule for GENERAL gives no end for a deceased patient aged 17 at the last treatment");
    }

    @Test
    @DisplayName("REC-2: a gap at the oldest age checked (150) is found too")
    void findsAGapAtTheOldestAge() {
        RetentionRule upTo149 = agedBetween(0, 149, yearsAfterLastTreatment(8));

        assertThatThrownBy(() -> RetentionSchedules.england().withEntry(RecordClass.GENERAL, upTo149))
                .isInstanceOf(InvalidRetentionScheduleException.class)
                .extracting(e -> ((InvalidRetentionScheduleException) e).problems(), LIST)
                .containsExactly(
                        "the rule for GENERAL gives no end for a living patient aged 150 at the last treatment",
                        "the rule for GENERAL gives no end for a deceased patient aged 150 at the last treatment");
    }

    @Test
    @DisplayName("REC-2: periods of 1 and 150 years and ages 0 and 150 are the valid edges")
    void acceptsTheEdgesOfPeriodsAndAges() {
        assertThat(yearsAfterLastTreatment(1)).isEqualTo(new YearsAfterLastTreatment(1));
        assertThat(yearsAfterLastTreatment(150)).isEqualTo(new YearsAfterLastTreatment(150));
        assertThat(yearsAfterDeath(1)).isEqualTo(new YearsAfterDeath(1));
        assertThat(yearsAfterDeath(150)).isEqualTo(new YearsAfterDeath(150));
        assertThat(untilBirthday(1)).isEqualTo(new UntilBirthday(1));
        assertThat(untilBirthday(150)).isEqualTo(new UntilBirthday(150));
        assertThat(agedBetween(0, 150, whileAliveOrAfterDeath()))
                .extracting("fromAge", "toAge")
                .containsExactly(0, 150);
        assertThat(agedBetween(150, 150, whileAliveOrAfterDeath()))
                .extracting("fromAge", "toAge")
                .containsExactly(150, 150);

        assertThatThrownBy(() -> yearsAfterLastTreatment(151)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> yearsAfterDeath(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> yearsAfterDeath(151)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> untilBirthday(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> agedBetween(0, 151, whileAliveOrAfterDeath()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RetentionRule whileAliveOrAfterDeath() {
        return latestOf(RetentionRule.whileAlive(), yearsAfterDeath(8));
    }
}
