/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("REC-2: retention facts are validated")
class RetentionFactsTest {

    private static final LocalDate BIRTH = LocalDate.parse("1980-05-10");
    private static final LocalDate TREATED = LocalDate.parse("2020-03-15");

    @Test
    void rejectsMissingFacts() {
        assertThatThrownBy(() -> RetentionFacts.living(null, TREATED, RecordClass.GENERAL))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("birth date");
        assertThatThrownBy(() -> RetentionFacts.living(BIRTH, null, RecordClass.GENERAL))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("last treatment");
        assertThatThrownBy(() -> RetentionFacts.living(BIRTH, TREATED, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("record class");
        assertThatThrownBy(() -> new RetentionFacts(BIRTH, null, TREATED, RecordClass.GENERAL))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("death date");
    }

    @Test
    void rejectsADeathBeforeTheBirth() {
        RetentionFacts living = RetentionFacts.living(BIRTH, TREATED, RecordClass.GENERAL);

        assertThatThrownBy(() -> living.withDeath(BIRTH.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REC-2")
                .hasMessageContaining("death");
    }

    @Test
    void rejectsATreatmentBeforeTheBirth() {
        assertThatThrownBy(() -> RetentionFacts.living(BIRTH, BIRTH.minusDays(1), RecordClass.MATERNITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("last treatment");
    }

    @Test
    void acceptsATreatmentAndADeathOnTheDayOfBirth() {
        RetentionFacts facts = new RetentionFacts(BIRTH, Optional.of(BIRTH), BIRTH, RecordClass.GENERAL);

        assertThat(facts.deceased()).isTrue();
        assertThat(facts.ageAtLastTreatment()).isZero();
    }

    @Test
    void acceptsAnEntryDatedAfterTheDeath() {
        RetentionFacts facts =
                RetentionFacts.living(BIRTH, TREATED, RecordClass.GP).withDeath(TREATED.minusDays(3));

        assertThat(facts.lastTreatment()).isAfter(facts.deathDate().orElseThrow());
    }

    @Test
    void countsTheAgeAtTheLastTreatmentInCompletedYears() {
        assertThat(RetentionFacts.living(BIRTH, LocalDate.parse("1998-05-09"), RecordClass.GENERAL)
                        .ageAtLastTreatment())
                .isEqualTo(17);
        assertThat(RetentionFacts.living(BIRTH, LocalDate.parse("1998-05-10"), RecordClass.GENERAL)
                        .ageAtLastTreatment())
                .isEqualTo(18);
    }
}
