/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Computes retention ends (REC-2) and whether they are due (the date half of REC-4). Pure and stateless: the same
 * schedule and facts always give the same, equal, end; safe to share between threads.
 *
 * <p>A due end is necessary for disposal, never sufficient: a legal hold (REC-5) is checked by the caller.
 */
public final class RetentionCalculator {

    /**
     * The end of retention of a record with these facts under this schedule, cited as
     * {@code JURISDICTION/RECORD_CLASS/rule...}.
     *
     * <p>Should the schedule's rule give no end for these facts (possible only for an age over
     * {@value RetentionRule#MAX_YEARS}, which the schedule is not checked for), the record is kept indefinitely rather
     * than guessed at.
     *
     * @throws NullPointerException if an argument is null
     */
    public RetentionEnd retentionEnd(RetentionSchedule schedule, RetentionFacts facts) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(facts, "facts");
        RetentionEnd end =
                schedule.ruleFor(facts.recordClass()).evaluate(facts).orElseGet(RetentionCalculator::noApplicableRule);
        String id = schedule.jurisdiction().code() + "/" + facts.recordClass().name();
        String words = schedule.jurisdiction().code() + " retention schedule, "
                + facts.recordClass().description();
        return end.withBasis(end.basis().under(id, words));
    }

    /**
     * The new end after facts the retention depends on have accrued (REC-2): a death recorded after the fact, or a
     * later treatment. The result is exactly {@code retentionEnd(schedule, changed)}: retention depends on the facts,
     * never on the order in which they became known.
     *
     * <p>{@code previous} guards the call: both must describe the same record (same birth date and record class),
     * a recorded death may not disappear or move, and the last treatment may not move earlier. Those are corrections
     * of mistakes, not new facts; they can shorten retention, so they go through {@link #retentionEnd} by a caller
     * that records the correction and its reason.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code changed} is a correction of {@code previous} rather than an accrual
     */
    public RetentionEnd recompute(RetentionSchedule schedule, RetentionFacts previous, RetentionFacts changed) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(previous, "previous facts");
        Objects.requireNonNull(changed, "changed facts");
        requireAccrual(previous, changed);
        return retentionEnd(schedule, changed);
    }

    /**
     * Whether the retention period has run out on {@code today}: true from the day after a dated end, never for an
     * indefinite one. Says nothing about legal holds (REC-5).
     *
     * @throws NullPointerException if an argument is null
     */
    public boolean isDue(RetentionEnd end, LocalDate today) {
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(today, "today");
        return end.keepUntil().map(today::isAfter).orElse(false);
    }

    private static void requireAccrual(RetentionFacts previous, RetentionFacts changed) {
        if (!previous.birthDate().equals(changed.birthDate())) {
            throw correction("the birth date changed from " + previous.birthDate() + " to " + changed.birthDate());
        }
        if (previous.recordClass() != changed.recordClass()) {
            throw correction(
                    "the record class changed from " + previous.recordClass() + " to " + changed.recordClass());
        }
        if (previous.deceased() && !previous.deathDate().equals(changed.deathDate())) {
            throw correction("the recorded death " + previous.deathDate().get() + " was removed or moved");
        }
        if (changed.lastTreatment().isBefore(previous.lastTreatment())) {
            throw correction("the last treatment moved back from " + previous.lastTreatment() + " to "
                    + changed.lastTreatment());
        }
    }

    private static IllegalArgumentException correction(String what) {
        return new IllegalArgumentException("REC-2: " + what
                + "; that is a correction, not a new fact: compute it afresh with retentionEnd and record why");
    }

    private static RetentionEnd noApplicableRule() {
        return new RetentionEnd.KeepIndefinitely(new RetentionBasis(
                "no-applicable-rule", "no rule of the schedule applies to these facts; kept until one does"));
    }
}
