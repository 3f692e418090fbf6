/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.retention.RetentionFactsBuilder.aGeneralRecord;
import static org.openmrs.module.patientrecordings.retention.RetentionFactsBuilder.aGpRecord;
import static org.openmrs.module.patientrecordings.retention.RetentionFactsBuilder.aMaternityRecord;
import static org.openmrs.module.patientrecordings.retention.RetentionFactsBuilder.aMentalHealthRecord;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("REC-2: the England retention defaults")
class EnglandRetentionScheduleTest {

    private final RetentionSchedule england = RetentionSchedules.england();
    private final RetentionCalculator calculator = new RetentionCalculator();

    private RetentionEnd endOf(RetentionFactsBuilder record) {
        return calculator.retentionEnd(england, record.facts());
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Nested
    @DisplayName("REC-2: general records of adults")
    class Adults {

        @Test
        void keepsAnAdultRecordEightYearsAfterTheLastTreatment() {
            RetentionEnd end =
                    endOf(aGeneralRecord().ofPatientBornOn("1980-05-10").lastTreatedOn("2020-03-15"));

            assertThat(end.keepUntil()).contains(date("2028-03-15"));
            assertThat(end.basis().ruleId())
                    .isEqualTo("ENGLAND/GENERAL/aged-18-or-over-at-last-treatment/8y-after-last-treatment");
            assertThat(end.basis().description()).contains("8 years after the last treatment on 2020-03-15");
        }

        @Test
        void treatsAPatientTreatedOnTheir18thBirthdayAsAnAdult() {
            RetentionEnd end =
                    endOf(aGeneralRecord().ofPatientBornOn("2003-04-20").lastTreatedOn("2021-04-20"));

            assertThat(end.keepUntil()).contains(date("2029-04-20"));
            assertThat(end.basis().ruleId()).endsWith("aged-18-or-over-at-last-treatment/8y-after-last-treatment");
        }

        @Test
        void keepsAnAdultRecordEightYearsAfterALaterDeath() {
            RetentionEnd end = endOf(aGeneralRecord()
                    .ofPatientBornOn("1950-02-01")
                    .lastTreatedOn("2020-03-15")
                    .diedOn("2024-11-30"));

            assertThat(end.keepUntil()).contains(date("2032-11-30"));
            assertThat(end.basis().ruleId()).isEqualTo("ENGLAND/GENERAL/8y-after-death");
        }
    }

    @Nested
    @DisplayName("REC-2: general records of children")
    class Children {

        @Test
        void keepsAChildsRecordUntilThe25thBirthday() {
            RetentionEnd end =
                    endOf(aGeneralRecord().ofPatientBornOn("2010-06-01").lastTreatedOn("2020-01-10"));

            assertThat(end.keepUntil()).contains(date("2035-06-01"));
            assertThat(end.basis().ruleId())
                    .isEqualTo("ENGLAND/GENERAL/aged-0-to-16-at-last-treatment/until-25th-birthday");
        }

        @Test
        void keepsTheRecordOfA17YearOldUntilThe26thBirthday() {
            RetentionEnd end =
                    endOf(aGeneralRecord().ofPatientBornOn("2003-04-20").lastTreatedOn("2021-01-05"));

            assertThat(end.keepUntil()).contains(date("2029-04-20"));
            assertThat(end.basis().ruleId()).isEqualTo("ENGLAND/GENERAL/aged-17-at-last-treatment/until-26th-birthday");
            assertThat(end.basis().description()).contains("aged 17", "26th birthday on 2029-04-20");
        }

        @Test
        void keepsTheRecordOfA16YearOldTreatedTheDayBeforeTurning17UntilThe25thBirthday() {
            RetentionEnd end =
                    endOf(aGeneralRecord().ofPatientBornOn("2003-04-20").lastTreatedOn("2020-04-19"));

            assertThat(end.keepUntil()).contains(date("2028-04-20"));
        }

        @Test
        void keepsTheRecordOfAChildWhoDiedYoungUntilThe25thBirthday() {
            RetentionEnd end = endOf(aGeneralRecord()
                    .ofPatientBornOn("2012-03-03")
                    .lastTreatedOn("2014-01-01")
                    .diedOn("2014-01-02"));

            assertThat(end.keepUntil()).contains(date("2037-03-03"));
        }

        @Test
        void keepsAChildsRecordEightYearsAfterDeathWhenThatIsLater() {
            RetentionEnd end = endOf(aGeneralRecord()
                    .ofPatientBornOn("2000-01-01")
                    .lastTreatedOn("2005-06-01")
                    .diedOn("2020-06-01"));

            assertThat(end.keepUntil()).contains(date("2028-06-01"));
            assertThat(end.basis().ruleId()).isEqualTo("ENGLAND/GENERAL/8y-after-death");
        }
    }

    @Nested
    @DisplayName("REC-2: GP records")
    class GpRecords {

        @Test
        void keepsTheGpRecordOfADeceasedPatientTenYearsAfterDeath() {
            RetentionEnd end = endOf(aGpRecord()
                    .ofPatientBornOn("1940-01-01")
                    .lastTreatedOn("2022-06-30")
                    .diedOn("2022-07-14"));

            assertThat(end.keepUntil()).contains(date("2032-07-14"));
            assertThat(end.basis().ruleId()).isEqualTo("ENGLAND/GP/10y-after-death");
        }

        @Test
        void keepsTheGpRecordOfALivingPatientIndefinitely() {
            RetentionEnd end = endOf(aGpRecord().ofPatientBornOn("1970-08-08").lastTreatedOn("2001-02-03"));

            assertThat(end).isInstanceOf(RetentionEnd.KeepIndefinitely.class);
            assertThat(end.basis().ruleId()).isEqualTo("ENGLAND/GP/while-alive");
            assertThat(calculator.isDue(end, date("2300-01-01"))).isFalse();
        }

        @Test
        void keepsAnEntryMadeAfterDeathTenYearsAfterThatEntry() {
            RetentionEnd end = endOf(aGpRecord()
                    .ofPatientBornOn("1940-01-01")
                    .lastTreatedOn("2022-09-01")
                    .diedOn("2022-07-14"));

            assertThat(end.keepUntil()).contains(date("2032-09-01"));
        }
    }

    @Nested
    @DisplayName("REC-2: mental health records")
    class MentalHealthRecords {

        @Test
        void keepsAMentalHealthRecordTwentyYearsAfterTheLastTreatment() {
            RetentionEnd end =
                    endOf(aMentalHealthRecord().ofPatientBornOn("1985-02-02").lastTreatedOn("2015-09-30"));

            assertThat(end.keepUntil()).contains(date("2035-09-30"));
            assertThat(end.basis().ruleId()).isEqualTo("ENGLAND/MENTAL_HEALTH/20y-after-last-treatment");
        }

        @Test
        void keepsItTenYearsAfterDeathWhenThatIsLater() {
            RetentionEnd end = endOf(aMentalHealthRecord()
                    .ofPatientBornOn("1985-02-02")
                    .lastTreatedOn("2015-09-30")
                    .diedOn("2030-01-15"));

            assertThat(end.keepUntil()).contains(date("2040-01-15"));
            assertThat(end.basis().ruleId()).isEqualTo("ENGLAND/MENTAL_HEALTH/10y-after-death");
        }

        @Test
        void keepsItTwentyYearsAfterTreatmentWhenThatIsLaterThanTenYearsAfterDeath() {
            RetentionEnd end = endOf(aMentalHealthRecord()
                    .ofPatientBornOn("1985-02-02")
                    .lastTreatedOn("2015-09-30")
                    .diedOn("2016-03-01"));

            assertThat(end.keepUntil()).contains(date("2035-09-30"));
        }

        @Test
        void keepsAYoungChildsMentalHealthRecordUntilThe25thBirthday() {
            RetentionEnd end =
                    endOf(aMentalHealthRecord().ofPatientBornOn("2017-05-05").lastTreatedOn("2020-08-01"));

            assertThat(end.keepUntil()).contains(date("2042-05-05"));
        }
    }

    @Nested
    @DisplayName("REC-2: maternity records")
    class MaternityRecords {

        @Test
        void keepsAMaternityRecordTwentyFiveYearsAfterTheBirth() {
            RetentionEnd end =
                    endOf(aMaternityRecord().ofPatientBornOn("1990-07-07").lastTreatedOn("2019-11-02"));

            assertThat(end.keepUntil()).contains(date("2044-11-02"));
            assertThat(end.basis().ruleId()).isEqualTo("ENGLAND/MATERNITY/25y-after-last-treatment");
        }

        @Test
        void keepsAMaternityRecordTwentyFiveYearsAfterTheBirthEvenWhenTheMotherDies() {
            RetentionEnd end = endOf(aMaternityRecord()
                    .ofPatientBornOn("1990-07-07")
                    .lastTreatedOn("2019-11-02")
                    .diedOn("2019-11-03"));

            assertThat(end.keepUntil()).contains(date("2044-11-02"));
        }
    }

    @Nested
    @DisplayName("REC-2: 29 February falls on 1 March in a common year")
    class LeapDays {

        @Test
        void keepsTheRecordOfAChildBornOnALeapDayUntil1MarchOfThe25thBirthdayYear() {
            RetentionEnd end =
                    endOf(aGeneralRecord().ofPatientBornOn("2004-02-29").lastTreatedOn("2012-05-01"));

            assertThat(end.keepUntil()).contains(date("2029-03-01"));
        }

        @Test
        void countsALeapDayBabyAs16On28FebruaryOfACommonYear() {
            RetentionEnd end =
                    endOf(aGeneralRecord().ofPatientBornOn("2004-02-29").lastTreatedOn("2021-02-28"));

            assertThat(end.keepUntil()).contains(date("2029-03-01"));
            assertThat(end.basis().ruleId()).contains("aged-0-to-16");
        }

        @Test
        void countsALeapDayBabyAs17On1MarchOfACommonYear() {
            RetentionEnd end =
                    endOf(aGeneralRecord().ofPatientBornOn("2004-02-29").lastTreatedOn("2021-03-01"));

            assertThat(end.keepUntil()).contains(date("2030-03-01"));
            assertThat(end.basis().ruleId()).contains("aged-17-at");
        }

        @Test
        void keepsARecordLastTreatedOnALeapDayUntil1MarchWhenTheEndYearIsCommon() {
            RetentionEnd end =
                    endOf(aGeneralRecord().ofPatientBornOn("2050-01-01").lastTreatedOn("2092-02-29"));

            assertThat(end.keepUntil()).contains(date("2100-03-01"));
        }

        @Test
        void keepsARecordLastTreatedOnALeapDayUntilTheLeapDayWhenTheEndYearHasOne() {
            RetentionEnd end =
                    endOf(aGeneralRecord().ofPatientBornOn("1980-01-01").lastTreatedOn("2020-02-29"));

            assertThat(end.keepUntil()).contains(date("2028-02-29"));
        }
    }
}
