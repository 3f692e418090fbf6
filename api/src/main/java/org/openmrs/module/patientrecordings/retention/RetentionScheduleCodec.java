/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openmrs.module.patientrecordings.retention.RetentionRuleCodec.Problem;

/**
 * Writes a jurisdiction's retention schedule (REC-2) as a JSON-shaped tree and reads it back, every problem listed
 * with its path:
 *
 * <pre>{@code
 * {"jurisdiction": "ENGLAND",
 *  "classes": {"GENERAL": {rule}, "GP": {rule}, "MENTAL_HEALTH": {rule}, "MATERNITY": {rule}}}
 * }</pre>
 *
 * The rules are those of {@link RetentionRuleCodec}. A schedule read is checked as {@link RetentionSchedule} checks
 * it: a rule for every class, and an end for every patient.
 */
public final class RetentionScheduleCodec {

    private final RetentionRuleCodec rules = new RetentionRuleCodec();

    /** The tree of a schedule, classes in their declared order; never null. */
    public Map<String, Object> write(RetentionSchedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        Map<String, Object> classes = new LinkedHashMap<>();
        schedule.entries().forEach((recordClass, rule) -> classes.put(recordClass.name(), rules.write(rule)));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("jurisdiction", schedule.jurisdiction().code());
        tree.put("classes", classes);
        return tree;
    }

    /**
     * Reads a schedule.
     *
     * @param tree as parsed from JSON
     * @param path where the tree sits in its document ({@code ""} for the root)
     * @param problems receives every problem, each with its path
     * @return the schedule, or null when a problem was found
     */
    public RetentionSchedule read(Object tree, String path, List<Problem> problems) {
        String prefix = path.isEmpty() ? "" : path + ".";
        if (!(tree instanceof Map<?, ?> map)) {
            problems.add(new Problem(path, "a retention schedule is an object with a jurisdiction and classes"));
            return null;
        }
        int before = problems.size();
        Jurisdiction jurisdiction = jurisdiction(map.get("jurisdiction"), prefix + "jurisdiction", problems);
        Map<RecordClass, RetentionRule> entries = new EnumMap<>(RecordClass.class);
        if (map.get("classes") instanceof Map<?, ?> classes) {
            classes.forEach((key, value) -> {
                String at = prefix + "classes." + key;
                RecordClass recordClass = recordClass(key, at, problems);
                RetentionRule rule = rules.read(value, at, problems);
                if (recordClass != null && rule != null) {
                    entries.put(recordClass, rule);
                }
            });
        } else {
            problems.add(
                    new Problem(prefix + "classes", "a rule for each record class " + List.of(RecordClass.values())));
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return new RetentionSchedule(jurisdiction, entries);
        } catch (InvalidRetentionScheduleException e) {
            e.problems().forEach(p -> problems.add(new Problem(prefix + "classes", p)));
            return null;
        }
    }

    private static Jurisdiction jurisdiction(Object value, String path, List<Problem> problems) {
        try {
            if (value instanceof String code) {
                return Jurisdiction.of(code);
            }
            problems.add(new Problem(path, "a jurisdiction code is required"));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path, e.getMessage()));
        }
        return null;
    }

    private static RecordClass recordClass(Object key, String path, List<Problem> problems) {
        try {
            return RecordClass.valueOf(String.valueOf(key));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path, "not a record class; one of " + List.of(RecordClass.values())));
            return null;
        }
    }
}
