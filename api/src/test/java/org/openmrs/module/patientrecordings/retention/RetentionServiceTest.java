/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The retention end of a patient's record, from the schedule of the site's jurisdiction (REC-2). */
@DisplayName("REC-2: the retention end from the schedule of the site's jurisdiction and record class")
class RetentionServiceTest {

    private static final LocalDate ADULT_BIRTH = LocalDate.parse("1980-05-10");
    private static final LocalDate LAST_TREATMENT = LocalDate.parse("2020-03-15");

    @Test
    @DisplayName("REC-2: England's defaults keep an adult's general record eight years after the last treatment")
    void englandsDefaultsKeepAnAdultsRecordEightYears() {
        RetentionService england = RetentionService.englandOnly();

        assertThat(england.jurisdictions()).containsExactly("ENGLAND");
        assertThat(england.retentionEnd("ENGLAND", RecordClass.GENERAL, ADULT_BIRTH, null, LAST_TREATMENT)
                        .flatMap(RetentionEnd::keepUntil))
                .contains(LocalDate.parse("2028-03-15"));
        assertThat(england.retentionEnd("ENGLAND", RecordClass.GENERAL, ADULT_BIRTH, null, LAST_TREATMENT)
                        .orElseThrow()
                        .basis()
                        .description())
                .contains("ENGLAND retention schedule, general health record");
    }

    @Test
    @DisplayName("REC-2, REC-4: a retention basis always names its rule and says it in words")
    void aBasisNamesItsRuleInWords() {
        assertThatThrownBy(() -> new RetentionBasis(" ", "kept eight years"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionBasis("ENGLAND/GENERAL", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("REC-2: without a birth date nothing can be computed, and the record is kept")
    void anUnknownBirthDateGivesNoEnd() {
        assertThat(RetentionService.englandOnly()
                        .retentionEnd("ENGLAND", RecordClass.GENERAL, null, null, LAST_TREATMENT))
                .isEmpty();
    }

    @Test
    @DisplayName("REC-2: a jurisdiction without a schedule is refused, never given a made-up end")
    void aJurisdictionWithoutAScheduleIsRefused() {
        assertThatThrownBy(() -> RetentionService.englandOnly()
                        .retentionEnd("ATLANTIS", RecordClass.GENERAL, ADULT_BIRTH, null, LAST_TREATMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ATLANTIS");
    }

    @Test
    @DisplayName("REC-2: a last treatment dated before the birth counts from the birth date")
    void aTreatmentBeforeTheBirthCountsFromTheBirth() {
        LocalDate born = LocalDate.parse("2010-06-01");
        RetentionEnd fromBirth = new RetentionCalculator()
                .retentionEnd(RetentionSchedules.england(), RetentionFacts.living(born, born, RecordClass.GENERAL));

        assertThat(RetentionService.englandOnly()
                        .retentionEnd("ENGLAND", RecordClass.GENERAL, born, null, born.minusMonths(3)))
                .contains(fromBirth);
    }

    @Test
    @DisplayName("REC-2: a recorded death is taken into account: a deceased patient's end differs from a living one's")
    void aDeathIsTakenIntoAccount() {
        RetentionService england = RetentionService.englandOnly();
        LocalDate died = LAST_TREATMENT.plusYears(1);
        RetentionEnd expected = new RetentionCalculator()
                .retentionEnd(
                        RetentionSchedules.england(),
                        RetentionFacts.living(ADULT_BIRTH, LAST_TREATMENT, RecordClass.GENERAL)
                                .withDeath(died));

        assertThat(england.retentionEnd("ENGLAND", RecordClass.GENERAL, ADULT_BIRTH, died, LAST_TREATMENT))
                .contains(expected)
                .isNotEqualTo(england.retentionEnd("ENGLAND", RecordClass.GENERAL, ADULT_BIRTH, null, LAST_TREATMENT));
    }

    @Test
    @DisplayName("REC-2: schedules given as a map are the ones used, and a schedule changed at run time applies next")
    void theSchedulesGivenAreUsedAndChangesApplyToTheNextComputation() {
        RetentionSchedule england = RetentionSchedules.england();
        RetentionSchedule longer = new RetentionSchedule(Jurisdiction.ENGLAND, england.entries())
                .withEntry(RecordClass.GENERAL, RetentionRule.yearsAfterLastTreatment(30));
        Map<String, RetentionSchedule> administered = new HashMap<>(Map.of("ENGLAND", england));
        RetentionService fixed = new RetentionService(Map.of("ENGLAND", longer));
        RetentionService live = new RetentionService(() -> administered);

        assertThat(fixed.jurisdictions()).isEqualTo(Set.of("ENGLAND"));
        assertThat(fixed.retentionEnd("ENGLAND", RecordClass.GENERAL, ADULT_BIRTH, null, LAST_TREATMENT)
                        .flatMap(RetentionEnd::keepUntil))
                .contains(LocalDate.parse("2050-03-15"));
        administered.put("ENGLAND", longer);
        assertThat(live.retentionEnd("ENGLAND", RecordClass.GENERAL, ADULT_BIRTH, null, LAST_TREATMENT)
                        .flatMap(RetentionEnd::keepUntil))
                .contains(LocalDate.parse("2050-03-15"));
    }

    @Test
    @DisplayName("REC-2: the basis of a birthday rule names the birthday as an ordinal (21st, 22nd, 23rd, 25th, 11th)")
    void theBasisNamesTheBirthday() {
        assertThat(UntilBirthday.ordinal(1)).isEqualTo("1st");
        assertThat(UntilBirthday.ordinal(2)).isEqualTo("2nd");
        assertThat(UntilBirthday.ordinal(3)).isEqualTo("3rd");
        assertThat(UntilBirthday.ordinal(4)).isEqualTo("4th");
        assertThat(UntilBirthday.ordinal(10)).isEqualTo("10th");
        assertThat(UntilBirthday.ordinal(11)).isEqualTo("11th");
        assertThat(UntilBirthday.ordinal(12)).isEqualTo("12th");
        assertThat(UntilBirthday.ordinal(13)).isEqualTo("13th");
        assertThat(UntilBirthday.ordinal(14)).isEqualTo("14th");
        assertThat(UntilBirthday.ordinal(21)).isEqualTo("21st");
        assertThat(UntilBirthday.ordinal(22)).isEqualTo("22nd");
        assertThat(UntilBirthday.ordinal(23)).isEqualTo("23rd");
        assertThat(UntilBirthday.ordinal(25)).isEqualTo("25th");
        assertThat(UntilBirthday.ordinal(111)).isEqualTo("111th");
        assertThat(UntilBirthday.ordinal(112)).isEqualTo("112th");
        assertThat(UntilBirthday.ordinal(121)).isEqualTo("121st");
        assertThat(new UntilBirthday(25)
                        .evaluate(RetentionFacts.living(
                                LocalDate.parse("2010-06-01"), LAST_TREATMENT, RecordClass.GENERAL))
                        .orElseThrow()
                        .basis())
                .isEqualTo(new RetentionBasis("until-25th-birthday", "until the 25th birthday on 2035-06-01"));
    }
}
