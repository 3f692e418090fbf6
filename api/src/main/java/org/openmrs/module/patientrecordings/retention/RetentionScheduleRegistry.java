/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The retention schedules in force (REC-2): those this module ships, each replaced by its latest administered
 * version where administrators configured one, and the schedules administrators added for other jurisdictions.
 * Reads the repository on every call, so a change is in force at once; give {@link #schedules()} to a
 * {@link RetentionService} as its source.
 */
public final class RetentionScheduleRegistry {

    private final Map<String, RetentionSchedule> shipped;
    private final RetentionScheduleRepository administered;

    /**
     * @param shipped the built-in schedules by jurisdiction code; copied
     * @param administered the administered versions
     */
    public RetentionScheduleRegistry(Map<String, RetentionSchedule> shipped, RetentionScheduleRepository administered) {
        this.shipped = Map.copyOf(shipped);
        this.administered = Objects.requireNonNull(administered, "administered");
    }

    /** The England defaults of {@link RetentionSchedules#england()} as the shipped schedule. */
    public static RetentionScheduleRegistry withEnglandDefaults(RetentionScheduleRepository administered) {
        RetentionSchedule england = RetentionSchedules.england();
        return new RetentionScheduleRegistry(Map.of(england.jurisdiction().code(), england), administered);
    }

    /** Every schedule in force by jurisdiction code: shipped ones first (sorted), then added ones. */
    public Map<String, RetentionSchedule> schedules() {
        Map<String, RetentionSchedule> all = new LinkedHashMap<>();
        shipped.keySet().stream().sorted().forEach(code -> all.put(code, shipped.get(code)));
        for (Jurisdiction j : administered.jurisdictions()) {
            administered.current(j).ifPresent(s -> all.put(j.code(), s.schedule()));
        }
        return all;
    }

    /** The jurisdictions that have a schedule in force. */
    public Set<String> jurisdictions() {
        return schedules().keySet();
    }

    /** The schedule in force for the jurisdiction, if any. */
    public Optional<RetentionSchedule> schedule(Jurisdiction jurisdiction) {
        return Optional.ofNullable(schedules().get(jurisdiction.code()));
    }

    /** The administered version in force: 0 when the shipped schedule (or none) is in force. */
    public int version(Jurisdiction jurisdiction) {
        return administered
                .current(jurisdiction)
                .map(AdministeredSchedule::version)
                .orElse(0);
    }

    /** Whether the module ships a schedule for the jurisdiction. */
    public boolean shipped(Jurisdiction jurisdiction) {
        return shipped.containsKey(jurisdiction.code());
    }

    public RetentionScheduleRepository repository() {
        return administered;
    }
}
