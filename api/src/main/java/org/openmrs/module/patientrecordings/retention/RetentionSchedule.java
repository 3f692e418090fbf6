/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A jurisdiction's retention schedule (REC-2, configured per site under POL-1): one {@link RetentionRule} per
 * {@link RecordClass}.
 *
 * <p>Validated on construction, with every problem reported at once: there must be an entry for every record class
 * (a recording of any class must have a retention end), and each entry must give an end to every patient, living or
 * dead, of every age up to {@value RetentionRule#MAX_YEARS} at the last treatment. So a site's schedule with a gap
 * (say, adults only) is refused when it is configured, not discovered when a child's record is filed.
 *
 * @param jurisdiction whose schedule this is; never null
 * @param entries the rule for each record class; copied; every class present, no value null
 */
public record RetentionSchedule(Jurisdiction jurisdiction, Map<RecordClass, RetentionRule> entries) {

    /**
     * @throws NullPointerException if {@code jurisdiction} or {@code entries} is null
     * @throws InvalidRetentionScheduleException if a class has no rule, or a rule leaves some patients without an end
     */
    public RetentionSchedule {
        Objects.requireNonNull(jurisdiction, "REC-2: a retention schedule needs a jurisdiction");
        Objects.requireNonNull(entries, "REC-2: a retention schedule needs its entries");
        List<String> problems = problemsOf(entries);
        if (!problems.isEmpty()) {
            throw new InvalidRetentionScheduleException("the retention schedule for " + jurisdiction, problems);
        }
        entries = Collections.unmodifiableMap(new EnumMap<>(entries));
    }

    /**
     * The rule for records of {@code recordClass}.
     *
     * @throws NullPointerException if {@code recordClass} is null
     */
    public RetentionRule ruleFor(RecordClass recordClass) {
        return entries.get(Objects.requireNonNull(recordClass, "recordClass"));
    }

    /**
     * This schedule with the entry for {@code recordClass} replaced: how a site overrides a period.
     *
     * @throws NullPointerException if an argument is null
     * @throws InvalidRetentionScheduleException if the new rule leaves some patients without an end
     */
    public RetentionSchedule withEntry(RecordClass recordClass, RetentionRule rule) {
        Objects.requireNonNull(recordClass, "recordClass");
        Objects.requireNonNull(rule, "rule");
        Map<RecordClass, RetentionRule> changed = new EnumMap<>(entries);
        changed.put(recordClass, rule);
        return new RetentionSchedule(jurisdiction, changed);
    }

    private static List<String> problemsOf(Map<RecordClass, RetentionRule> entries) {
        List<String> problems = new ArrayList<>();
        for (RecordClass recordClass : RecordClass.values()) {
            RetentionRule rule = entries.get(recordClass);
            if (rule == null) {
                problems.add("no rule for " + recordClass);
            } else {
                problems.addAll(gapsOf(recordClass, rule, false));
                problems.addAll(gapsOf(recordClass, rule, true));
            }
        }
        return problems;
    }

    /** The age ranges of living (or dead) patients to whom no part of {@code rule} applies, in words. */
    private static List<String> gapsOf(RecordClass recordClass, RetentionRule rule, boolean deceased) {
        List<String> gaps = new ArrayList<>();
        int age = 0;
        while (age <= RetentionRule.MAX_YEARS) {
            if (rule.appliesTo(age, deceased)) {
                age++;
                continue;
            }
            int from = age;
            while (age <= RetentionRule.MAX_YEARS && !rule.appliesTo(age, deceased)) {
                age++;
            }
            gaps.add("the rule for " + recordClass + " gives no end for a " + (deceased ? "deceased" : "living")
                    + " patient aged " + (from == age - 1 ? from : from + " to " + (age - 1))
                    + " at the last treatment");
        }
        return gaps;
    }
}
