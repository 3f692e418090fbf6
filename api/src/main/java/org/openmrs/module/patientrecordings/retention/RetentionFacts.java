/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a retention period depends on (REC-2): the patient's birth and death, the end of their last treatment, and the
 * class of record. When any of these changes, the retention end is recomputed
 * ({@link RetentionCalculator#recompute}).
 *
 * <p>A treatment dated after the death is accepted: entries such as a post-mortem examination are made after death,
 * and refusing the facts would leave the record with no retention end at all. Every rule takes the latest of its
 * triggers, so such a date only ever lengthens retention.
 *
 * @param birthDate the patient's date of birth; never null
 * @param deathDate the date of death if one is recorded; never null itself, empty while none is recorded; not before
 *     the birth
 * @param lastTreatment the end of the last episode of care the record covers (for a maternity record, the birth);
 *     never null, not before the birth
 * @param recordClass the class of record the recording is filed in; never null
 */
public record RetentionFacts(
        LocalDate birthDate, Optional<LocalDate> deathDate, LocalDate lastTreatment, RecordClass recordClass) {

    /**
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if the death or the last treatment is before the birth
     */
    public RetentionFacts {
        Objects.requireNonNull(birthDate, "REC-2: retention facts need a birth date");
        Objects.requireNonNull(deathDate, "REC-2: the death date is Optional.empty() when none is recorded, not null");
        Objects.requireNonNull(lastTreatment, "REC-2: retention facts need the date of the last treatment");
        Objects.requireNonNull(recordClass, "REC-2: retention facts need a record class");
        deathDate.ifPresent(death -> requireNotBeforeBirth("death", death, birthDate));
        requireNotBeforeBirth("last treatment", lastTreatment, birthDate);
    }

    /**
     * Facts for a patient with no death recorded.
     *
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if the last treatment is before the birth
     */
    public static RetentionFacts living(LocalDate birthDate, LocalDate lastTreatment, RecordClass recordClass) {
        return new RetentionFacts(birthDate, Optional.empty(), lastTreatment, recordClass);
    }

    /**
     * These facts with a death recorded on {@code deathDate} (replacing any earlier one).
     *
     * @throws NullPointerException if {@code deathDate} is null
     * @throws IllegalArgumentException if {@code deathDate} is before the birth
     */
    public RetentionFacts withDeath(LocalDate deathDate) {
        Objects.requireNonNull(deathDate, "death date");
        return new RetentionFacts(birthDate, Optional.of(deathDate), lastTreatment, recordClass);
    }

    /**
     * These facts with the last treatment on {@code lastTreatment}.
     *
     * @throws NullPointerException if {@code lastTreatment} is null
     * @throws IllegalArgumentException if {@code lastTreatment} is before the birth
     */
    public RetentionFacts withLastTreatment(LocalDate lastTreatment) {
        return new RetentionFacts(birthDate, deathDate, lastTreatment, recordClass);
    }

    /** Whether a death is recorded. */
    public boolean deceased() {
        return deathDate.isPresent();
    }

    /**
     * The patient's age in completed years when the last treatment ended; a 29 February birthday counts from 1 March
     * in common years, as everywhere in retention (see {@link RetentionSchedules#england()}).
     */
    public int ageAtLastTreatment() {
        return Anniversaries.ageOn(birthDate, lastTreatment);
    }

    private static void requireNotBeforeBirth(String what, LocalDate date, LocalDate birthDate) {
        if (date.isBefore(birthDate)) {
            throw new IllegalArgumentException(
                    "REC-2: the " + what + " (" + date + ") cannot be before the birth (" + birthDate + ")");
        }
    }
}
