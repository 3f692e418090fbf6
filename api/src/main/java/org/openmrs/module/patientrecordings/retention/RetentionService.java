/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Looks up the retention schedule of a jurisdiction and computes how long a patient's records of a class must be
 * kept (REC-2).
 */
public final class RetentionService {

    private final Supplier<Map<String, RetentionSchedule>> schedules;
    private final RetentionCalculator calculator = new RetentionCalculator();

    /** @param schedules by jurisdiction code; copied */
    public RetentionService(Map<String, RetentionSchedule> schedules) {
        Map<String, RetentionSchedule> fixed = Map.copyOf(schedules);
        this.schedules = () -> fixed;
    }

    /**
     * Schedules that administrators may change while the service runs (for example
     * {@link RetentionScheduleRegistry#schedules()}): read on every call, so a change applies to the next computation.
     *
     * @param schedules by jurisdiction code; never null, nor what it supplies
     */
    public RetentionService(Supplier<Map<String, RetentionSchedule>> schedules) {
        this.schedules = Objects.requireNonNull(schedules, "schedules");
    }

    /** The England defaults of REC-2 only. */
    public static RetentionService englandOnly() {
        RetentionSchedule england = RetentionSchedules.england();
        return new RetentionService(Map.of(england.jurisdiction().code(), england));
    }

    /** The jurisdictions that have a schedule. */
    public Set<String> jurisdictions() {
        return Set.copyOf(schedules.get().keySet());
    }

    /**
     * The retention end of a patient's record of a class.
     *
     * @param jurisdiction a code of {@link #jurisdictions()}
     * @param recordClass the class of record
     * @param birthDate null when unknown: nothing can be computed and the record is kept
     * @param deathDate null while alive
     * @param lastTreatment the latest treatment, never null
     * @return the end, or empty when the birth date is unknown
     * @throws IllegalArgumentException when the jurisdiction has no schedule
     */
    public Optional<RetentionEnd> retentionEnd(
            String jurisdiction,
            RecordClass recordClass,
            LocalDate birthDate,
            LocalDate deathDate,
            LocalDate lastTreatment) {
        RetentionSchedule schedule = schedules.get().get(jurisdiction);
        if (schedule == null) {
            throw new IllegalArgumentException("No retention schedule for jurisdiction " + jurisdiction);
        }
        Objects.requireNonNull(lastTreatment, "lastTreatment");
        if (birthDate == null) {
            return Optional.empty();
        }
        LocalDate treated = lastTreatment.isBefore(birthDate) ? birthDate : lastTreatment;
        RetentionFacts facts = new RetentionFacts(birthDate, Optional.ofNullable(deathDate), treated, recordClass);
        return Optional.of(calculator.retentionEnd(schedule, facts));
    }
}
