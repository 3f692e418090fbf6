/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("REC-2: anniversaries and ages, with 29 February moving to 1 March in common years")
class AnniversariesTest {

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void movesALeapDayAnniversaryTo1MarchInACommonYear() {
        assertThat(Anniversaries.anniversary(date("2004-02-29"), 1)).isEqualTo(date("2005-03-01"));
        assertThat(Anniversaries.anniversary(date("2096-02-29"), 4)).isEqualTo(date("2100-03-01"));
    }

    @Test
    void keepsALeapDayAnniversaryInALeapYear() {
        assertThat(Anniversaries.anniversary(date("2004-02-29"), 4)).isEqualTo(date("2008-02-29"));
    }

    @Test
    void leavesEveryOtherDayAlone() {
        assertThat(Anniversaries.anniversary(date("2003-02-28"), 1)).isEqualTo(date("2004-02-28"));
        assertThat(Anniversaries.anniversary(date("2004-03-01"), 1)).isEqualTo(date("2005-03-01"));
    }

    @Test
    void agesALeapDayBabyOn1MarchInACommonYear() {
        assertThat(Anniversaries.ageOn(date("2004-02-29"), date("2005-02-28"))).isZero();
        assertThat(Anniversaries.ageOn(date("2004-02-29"), date("2005-03-01"))).isEqualTo(1);
        assertThat(Anniversaries.ageOn(date("2004-02-29"), date("2008-02-29"))).isEqualTo(4);
    }
}
