/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * REC-2 properties of the England schedule over births from 1900 to 2100, ages up to 110 and deaths up to 60 years
 * after the last treatment; one generated date in five is a 29 February.
 */
@Label("REC-2: retention properties of the England schedule")
class RetentionPropertiesTest {

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST_BIRTH = LocalDate.of(2100, 12, 31);
    private static final int OLDEST = 110;

    private final RetentionSchedule england = RetentionSchedules.england();
    private final RetentionCalculator calculator = new RetentionCalculator();

    private RetentionEnd endOf(RetentionFacts facts) {
        return calculator.retentionEnd(england, facts);
    }

    @Property
    @Label("REC-2: the retention end is never before the last treatment")
    void theEndIsNeverBeforeTheLastTreatment(@ForAll("anyFacts") RetentionFacts facts) {
        endOf(facts).keepUntil().ifPresent(end -> assertThat(end).isAfterOrEqualTo(facts.lastTreatment()));
    }

    @Property
    @Label("REC-2: an adult's general record is kept exactly 8 years after the last treatment")
    void anAdultsGeneralRecordIsKeptExactlyEightYearsAfterTheLastTreatment(
            @ForAll("livingAdultsGeneralFacts") RetentionFacts facts) {
        LocalDate expected = facts.lastTreatment().plusYears(8);
        if (isLeapDay(facts.lastTreatment()) && !isLeapDay(expected)) {
            expected = expected.plusDays(1);
        }

        assertThat(endOf(facts).keepUntil()).contains(expected);
    }

    @Property
    @Label("REC-2: a child's general record is kept at least until the 25th birthday (26th if 17 at the end)")
    void aChildsGeneralRecordIsKeptAtLeastUntilThe25thBirthday(@ForAll("childrensGeneralFacts") RetentionFacts facts) {
        LocalDate end = endOf(facts).keepUntil().orElseThrow();

        assertThat(end).isAfterOrEqualTo(facts.birthDate().plusYears(25));
        if (facts.ageAtLastTreatment() == 17) {
            assertThat(end).isAfterOrEqualTo(facts.birthDate().plusYears(26));
        }
    }

    @Property
    @Label("REC-2: recording a death after the last treatment never shortens retention")
    void recordingADeathNeverShortensRetention(
            @ForAll("livingFactsAndALaterDeath") Tuple2<RetentionFacts, LocalDate> c) {
        RetentionFacts living = c.get1();
        RetentionFacts deceased = living.withDeath(c.get2());

        RetentionEnd before = endOf(living);
        RetentionEnd after = calculator.recompute(england, living, deceased);

        if (before.keepUntil().isPresent()) {
            assertThat(after.isShorterThan(before)).isFalse();
        } else {
            // Only a living patient's GP record is kept indefinitely; REC-2 then dates it 10 years after the death.
            assertThat(living.recordClass()).isEqualTo(RecordClass.GP);
            assertThat(after.keepUntil().orElseThrow())
                    .isAfterOrEqualTo(c.get2().plusYears(10));
        }
    }

    @Property
    @Label("REC-2: a later last treatment never shortens retention")
    void aLaterLastTreatmentNeverShortensRetention(
            @ForAll("anyFactsAndALaterTreatment") Tuple2<RetentionFacts, LocalDate> c) {
        RetentionFacts before = c.get1();
        RetentionFacts after = before.withLastTreatment(c.get2());

        assertThat(calculator.recompute(england, before, after).isShorterThan(endOf(before)))
                .isFalse();
    }

    @Property
    @Label("REC-2: the same facts always give the same end, whatever the calculator or schedule instance")
    void theSameFactsAlwaysGiveTheSameEnd(@ForAll("anyFacts") RetentionFacts facts) {
        RetentionFacts copy =
                new RetentionFacts(facts.birthDate(), facts.deathDate(), facts.lastTreatment(), facts.recordClass());

        assertThat(new RetentionCalculator().retentionEnd(RetentionSchedules.england(), copy))
                .isEqualTo(endOf(facts));
    }

    @Property
    @Label("REC-4: a record becomes due the day after its last kept day and not before")
    void aRecordBecomesDueTheDayAfterItsLastKeptDay(@ForAll("anyFacts") RetentionFacts facts) {
        RetentionEnd end = endOf(facts);

        end.keepUntil().ifPresent(last -> {
            assertThat(calculator.isDue(end, last)).isFalse();
            assertThat(calculator.isDue(end, last.plusDays(1))).isTrue();
        });
    }

    @Provide
    Arbitrary<RetentionFacts> anyFacts() {
        return births().flatMap(birth -> days(birth, birth.plusYears(OLDEST))
                .flatMap(treated -> Arbitraries.of(RecordClass.class)
                        .flatMap(recordClass -> deaths(birth, treated)
                                .map(death -> new RetentionFacts(birth, death, treated, recordClass)))));
    }

    @Provide
    Arbitrary<RetentionFacts> livingAdultsGeneralFacts() {
        return livingFacts(RecordClass.GENERAL, 18, OLDEST);
    }

    @Provide
    Arbitrary<RetentionFacts> childrensGeneralFacts() {
        return births().flatMap(birth -> days(
                        birth, Anniversaries.anniversary(birth, 18).minusDays(1))
                .flatMap(treated -> deaths(birth, treated)
                        .map(death -> new RetentionFacts(birth, death, treated, RecordClass.GENERAL))));
    }

    @Provide
    Arbitrary<Tuple2<RetentionFacts, LocalDate>> livingFactsAndALaterDeath() {
        return Arbitraries.of(RecordClass.class)
                .flatMap(recordClass -> livingFacts(recordClass, 0, OLDEST))
                .flatMap(facts -> days(
                                facts.lastTreatment(), facts.lastTreatment().plusYears(60))
                        .map(death -> Tuple.of(facts, death)));
    }

    @Provide
    Arbitrary<Tuple2<RetentionFacts, LocalDate>> anyFactsAndALaterTreatment() {
        return anyFacts()
                .flatMap(facts -> days(
                                facts.lastTreatment(), facts.lastTreatment().plusYears(30))
                        .map(later -> Tuple.of(facts, later)));
    }

    private static Arbitrary<RetentionFacts> livingFacts(RecordClass recordClass, int fromAge, int toAge) {
        return births().flatMap(birth -> days(
                        Anniversaries.anniversary(birth, fromAge),
                        Anniversaries.anniversary(birth, toAge + 1).minusDays(1))
                .map(treated -> RetentionFacts.living(birth, treated, recordClass)));
    }

    private static Arbitrary<LocalDate> births() {
        return days(EARLIEST_BIRTH, LATEST_BIRTH);
    }

    /** No death; a death after the last treatment; or, rarely, one before it (an entry made after death). */
    private static Arbitrary<Optional<LocalDate>> deaths(LocalDate birth, LocalDate treated) {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Optional.<LocalDate>empty())),
                Tuple.of(4, days(treated, treated.plusYears(60)).map(Optional::of)),
                Tuple.of(1, days(birth, treated).map(Optional::of)));
    }

    /** A day from {@code from} to {@code to}, both included; one in five is a 29 February where there is one. */
    private static Arbitrary<LocalDate> days(LocalDate from, LocalDate to) {
        Arbitrary<LocalDate> anyDay =
                Arbitraries.longs().between(from.toEpochDay(), to.toEpochDay()).map(LocalDate::ofEpochDay);
        List<LocalDate> leapDays = leapDaysBetween(from, to);
        if (leapDays.isEmpty()) {
            return anyDay;
        }
        return Arbitraries.frequencyOf(Tuple.of(4, anyDay), Tuple.of(1, Arbitraries.of(leapDays)));
    }

    private static List<LocalDate> leapDaysBetween(LocalDate from, LocalDate to) {
        List<LocalDate> leapDays = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (Year.isLeap(year)) {
                LocalDate leapDay = LocalDate.of(year, Month.FEBRUARY, 29);
                if (!leapDay.isBefore(from) && !leapDay.isAfter(to)) {
                    leapDays.add(leapDay);
                }
            }
        }
        return leapDays;
    }

    private static boolean isLeapDay(LocalDate date) {
        return date.getMonth() == Month.FEBRUARY && date.getDayOfMonth() == 29;
    }
}
