/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.time.LocalDate;
import java.time.Month;

/**
 * Calendar arithmetic for retention periods, with one deliberate choice: an anniversary of 29 February falls on
 * <b>1 March</b> in a year that has no 29 February.
 *
 * <p>Why: {@link LocalDate#plusYears(long)} would move it back to 28 February, a day earlier. English law has no
 * general statute on the point, so we take the later of the two candidate days; for retention, keeping a record one
 * day longer is the safe error and destroying it one day early is not. The same convention decides a leap-day
 * baby's age (they turn a year older on 1 March in common years), so ages and birthdays never disagree.
 */
final class Anniversaries {

    private Anniversaries() {}

    /**
     * The date {@code years} years after {@code date}, with 29 February moving to 1 March in a common year.
     *
     * @throws NullPointerException if {@code date} is null
     * @throws IllegalArgumentException if {@code years} is negative
     */
    static LocalDate anniversary(LocalDate date, int years) {
        if (years < 0) {
            throw new IllegalArgumentException("years must not be negative: " + years);
        }
        LocalDate shifted = date.plusYears(years);
        boolean leapDayLost = isLeapDay(date) && !isLeapDay(shifted);
        return leapDayLost ? shifted.plusDays(1) : shifted;
    }

    /**
     * The age in completed years on {@code day} of someone born on {@code birthDate}, using {@link #anniversary} for
     * birthdays.
     *
     * @throws IllegalArgumentException if {@code day} is before {@code birthDate}
     */
    static int ageOn(LocalDate birthDate, LocalDate day) {
        if (day.isBefore(birthDate)) {
            throw new IllegalArgumentException("no age on " + day + " for a birth on " + birthDate);
        }
        int age = day.getYear() - birthDate.getYear();
        return anniversary(birthDate, age).isAfter(day) ? age - 1 : age;
    }

    private static boolean isLeapDay(LocalDate date) {
        return date.getMonth() == Month.FEBRUARY && date.getDayOfMonth() == 29;
    }
}
