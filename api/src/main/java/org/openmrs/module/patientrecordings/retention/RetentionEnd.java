/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Until when a record must be kept (REC-2), and under which rule: either up to and including a date, or
 * indefinitely while something the end depends on (typically a death) is not yet known.
 *
 * <p>The last day is kept: "8 years after 15 March 2020" means the record is still kept on 15 March 2028 and may be
 * disposed of from 16 March 2028 ({@link RetentionCalculator#isDue}). REC-4 says "only after the retention end",
 * and counting the end day as kept is the safe reading.
 */
public sealed interface RetentionEnd permits RetentionEnd.KeepUntil, RetentionEnd.KeepIndefinitely {

    /**
     * Orders ends by how long they keep the record: earlier dates first, every dated end before an indefinite one.
     * Ties between indefinite ends, and between equal dates, compare as equal whatever their basis.
     */
    Comparator<RetentionEnd> BY_LENGTH = Comparator.comparing(
            (RetentionEnd end) -> end.keepUntil().orElse(LocalDate.MAX), Comparator.naturalOrder());

    /** The rule that set this end; never null. */
    RetentionBasis basis();

    /** The last day on which the record must be kept; empty when it is kept indefinitely. */
    Optional<LocalDate> keepUntil();

    /** The same end, cited under another basis. */
    RetentionEnd withBasis(RetentionBasis basis);

    /**
     * Whether this end keeps the record for less time than {@code other}.
     *
     * @throws NullPointerException if {@code other} is null
     */
    default boolean isShorterThan(RetentionEnd other) {
        return BY_LENGTH.compare(this, Objects.requireNonNull(other, "other")) < 0;
    }

    /**
     * The record is kept up to and including {@code date}.
     *
     * @param date the last day kept; never null
     * @param basis the rule that set it; never null
     */
    record KeepUntil(LocalDate date, RetentionBasis basis) implements RetentionEnd {

        /** @throws NullPointerException if either component is null */
        public KeepUntil {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(basis, "basis");
        }

        @Override
        public Optional<LocalDate> keepUntil() {
            return Optional.of(date);
        }

        @Override
        public KeepUntil withBasis(RetentionBasis basis) {
            return new KeepUntil(date, basis);
        }
    }

    /**
     * The record is kept with no end date yet: the rule's trigger has not happened (for example a GP record while no
     * death is recorded). It is never due for disposal until a recomputation gives it a date.
     *
     * @param basis the rule that keeps it; never null
     */
    record KeepIndefinitely(RetentionBasis basis) implements RetentionEnd {

        /** @throws NullPointerException if {@code basis} is null */
        public KeepIndefinitely {
            Objects.requireNonNull(basis, "basis");
        }

        @Override
        public Optional<LocalDate> keepUntil() {
            return Optional.empty();
        }

        @Override
        public KeepIndefinitely withBasis(RetentionBasis basis) {
            return new KeepIndefinitely(basis);
        }
    }
}
