/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.retention.RetentionFactsBuilder.aGeneralRecord;
import static org.openmrs.module.patientrecordings.retention.RetentionFactsBuilder.aGpRecord;
import static org.openmrs.module.patientrecordings.retention.RetentionFactsBuilder.aMentalHealthRecord;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("REC-2 / REC-4: recomputing retention ends and deciding when they are due")
class RetentionCalculatorTest {

    private final RetentionSchedule england = RetentionSchedules.england();
    private final RetentionCalculator calculator = new RetentionCalculator();

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Nested
    @DisplayName("REC-2: recomputation when the facts change")
    class Recomputation {

        @Test
        void extendsAnAdultRecordWhenADeathIsRecordedAfterTheFact() {
            RetentionFacts living = aGeneralRecord()
                    .ofPatientBornOn("1950-02-01")
                    .lastTreatedOn("2020-03-15")
                    .facts();
            RetentionFacts deceased = living.withDeath(date("2025-01-01"));

            RetentionEnd before = calculator.retentionEnd(england, living);
            RetentionEnd after = calculator.recompute(england, living, deceased);

            assertThat(before.keepUntil()).contains(date("2028-03-15"));
            assertThat(after.keepUntil()).contains(date("2033-01-01"));
        }

        @Test
        void givesALivingPatientsGpRecordAnEndOnceTheirDeathIsRecorded() {
            RetentionFacts living = aGpRecord()
                    .ofPatientBornOn("1940-01-01")
                    .lastTreatedOn("2022-06-30")
                    .facts();

            RetentionEnd after = calculator.recompute(england, living, living.withDeath(date("2023-02-14")));

            assertThat(after.keepUntil()).contains(date("2033-02-14"));
        }

        @Test
        void extendsRetentionWhenANewTreatmentIsRecorded() {
            RetentionFacts before = aMentalHealthRecord()
                    .ofPatientBornOn("1985-02-02")
                    .lastTreatedOn("2015-09-30")
                    .facts();

            RetentionEnd after = calculator.recompute(england, before, before.withLastTreatment(date("2019-04-11")));

            assertThat(after.keepUntil()).contains(date("2039-04-11"));
        }

        @Test
        void turnsAChildsRecordIntoAnAdultsWhenTreatmentContinuesPastThe18thBirthday() {
            RetentionFacts asChild = aGeneralRecord()
                    .ofPatientBornOn("2003-04-20")
                    .lastTreatedOn("2019-01-05")
                    .facts();

            RetentionEnd after = calculator.recompute(england, asChild, asChild.withLastTreatment(date("2022-06-01")));

            assertThat(calculator.retentionEnd(england, asChild).keepUntil()).contains(date("2028-04-20"));
            assertThat(after.keepUntil()).contains(date("2030-06-01"));
            assertThat(after.basis().ruleId()).contains("aged-18-or-over");
        }

        @Test
        void givesTheSameEndWhicheverOrderTheFactsArrive() {
            RetentionFacts first = aGeneralRecord()
                    .ofPatientBornOn("1950-02-01")
                    .lastTreatedOn("2020-03-15")
                    .facts();
            RetentionFacts deathFirst = first.withDeath(date("2024-01-01"));
            RetentionFacts treatmentFirst = first.withLastTreatment(date("2023-12-01"));
            RetentionFacts both = deathFirst.withLastTreatment(date("2023-12-01"));

            assertThat(calculator.recompute(england, deathFirst, both))
                    .isEqualTo(calculator.recompute(england, treatmentFirst, both))
                    .isEqualTo(calculator.retentionEnd(england, both));
        }

        @Test
        void refusesToTreatARemovedDeathAsANewFact() {
            RetentionFacts deceased = aGeneralRecord()
                    .ofPatientBornOn("1950-02-01")
                    .lastTreatedOn("2020-03-15")
                    .diedOn("2024-01-01")
                    .facts();
            RetentionFacts living = aGeneralRecord()
                    .ofPatientBornOn("1950-02-01")
                    .lastTreatedOn("2020-03-15")
                    .facts();

            assertThatThrownBy(() -> calculator.recompute(england, deceased, living))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("REC-2");
        }

        @Test
        void refusesToTreatAnEarlierLastTreatmentAsANewFact() {
            RetentionFacts before = aGeneralRecord().lastTreatedOn("2020-03-15").facts();

            assertThatThrownBy(
                            () -> calculator.recompute(england, before, before.withLastTreatment(date("2019-03-15"))))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesToRecomputeFromTheFactsOfAnotherRecord() {
            RetentionFacts general = aGeneralRecord().facts();
            RetentionFacts otherBirth =
                    aGeneralRecord().ofPatientBornOn("1981-01-01").facts();
            RetentionFacts otherClass = aGpRecord().facts();

            assertThatThrownBy(() -> calculator.recompute(england, general, otherBirth))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> calculator.recompute(england, general, otherClass))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("REC-4: a retention end is due only after its last day")
    class Due {

        private final RetentionEnd end = new RetentionEnd.KeepUntil(
                date("2028-03-15"), new RetentionBasis("TEST/rule", "a rule used in a test"));

        @Test
        void isNotDueOnTheLastDayKept() {
            assertThat(calculator.isDue(end, date("2028-03-15"))).isFalse();
            assertThat(calculator.isDue(end, date("2020-01-01"))).isFalse();
        }

        @Test
        void isDueFromTheDayAfterTheLastDayKept() {
            assertThat(calculator.isDue(end, date("2028-03-16"))).isTrue();
        }

        @Test
        void isNeverDueWhenKeptIndefinitely() {
            RetentionEnd indefinite =
                    new RetentionEnd.KeepIndefinitely(new RetentionBasis("TEST/while-alive", "kept while alive"));

            assertThat(calculator.isDue(indefinite, LocalDate.MAX)).isFalse();
        }
    }

    @Nested
    @DisplayName("REC-2: a record no rule of the schedule reaches")
    class NoApplicableRule {

        @Test
        @DisplayName("REC-2: is kept indefinitely, cited as no applicable rule, rather than given a guessed end")
        void isKeptIndefinitelyWhenNoRuleApplies() {
            var upTo150 = RetentionRule.agedBetween(0, 150, RetentionRule.yearsAfterLastTreatment(8));
            RetentionSchedule schedule = england;
            for (RecordClass recordClass : RecordClass.values()) {
                schedule = schedule.withEntry(recordClass, upTo150);
            }
            var agedOver150 = RetentionFacts.living(date("1860-01-01"), date("2020-06-30"), RecordClass.GENERAL);

            RetentionEnd end = calculator.retentionEnd(schedule, agedOver150);

            assertThat(end).isInstanceOf(RetentionEnd.KeepIndefinitely.class);
            assertThat(end.keepUntil()).isEmpty();
            assertThat(end.basis().ruleId()).isEqualTo("ENGLAND/GENERAL/no-applicable-rule");
            assertThat(end.basis().description())
                    .endsWith("no rule of the schedule applies to these facts; kept until one does");
        }
    }
}
