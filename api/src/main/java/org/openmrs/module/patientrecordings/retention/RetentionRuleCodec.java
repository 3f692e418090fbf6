/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Writes retention rules (REC-2) as plain JSON-shaped values ({@link Map}, {@link List}, {@link Number},
 * {@link String}) and reads them back, so that administrators can keep a jurisdiction's schedule in a policy file.
 * Pure Java: the caller turns the tree into JSON text.
 *
 * <p>The forms, one per rule:
 *
 * <pre>{@code
 * {"rule": "yearsAfterLastTreatment", "years": 8}
 * {"rule": "yearsAfterDeath", "years": 10}
 * {"rule": "untilBirthday", "birthday": 25}
 * {"rule": "whileAlive"}
 * {"rule": "aged", "from": 0, "to": 16, "then": {...}}      // "to" left out: no upper age
 * {"rule": "latestOf", "of": [{...}, {...}]}
 * }</pre>
 *
 * <p>Reading collects every problem with its path instead of stopping at the first, so a file can be corrected in
 * one pass.
 */
public final class RetentionRuleCodec {

    private static final Set<String> RULES =
            Set.of("yearsAfterLastTreatment", "yearsAfterDeath", "untilBirthday", "whileAlive", "aged", "latestOf");

    /** The tree of one rule; never null. */
    public Map<String, Object> write(RetentionRule rule) {
        Objects.requireNonNull(rule, "rule");
        Map<String, Object> tree = new LinkedHashMap<>();
        if (rule instanceof YearsAfterLastTreatment r) {
            tree.put("rule", "yearsAfterLastTreatment");
            tree.put("years", r.years());
        } else if (rule instanceof YearsAfterDeath r) {
            tree.put("rule", "yearsAfterDeath");
            tree.put("years", r.years());
        } else if (rule instanceof UntilBirthday r) {
            tree.put("rule", "untilBirthday");
            tree.put("birthday", r.birthday());
        } else if (rule instanceof WhileAlive) {
            tree.put("rule", "whileAlive");
        } else if (rule instanceof AgedAtLastTreatment r) {
            tree.put("rule", "aged");
            tree.put("from", r.fromAge());
            if (r.toAge() != AgedAtLastTreatment.OR_OVER) {
                tree.put("to", r.toAge());
            }
            tree.put("then", write(r.rule()));
        } else if (rule instanceof LatestOf r) {
            tree.put("rule", "latestOf");
            tree.put("of", r.rules().stream().map(this::write).toList());
        }
        return tree;
    }

    /**
     * Reads one rule.
     *
     * @param tree what {@link #write} wrote, as parsed from JSON (numbers may be any {@link Number})
     * @param path where the tree sits in its document, e.g. {@code retentionSchedules[0].classes.GENERAL}
     * @param problems receives every problem found, each with its path
     * @return the rule, or null when a problem was found
     */
    public RetentionRule read(Object tree, String path, List<Problem> problems) {
        if (!(tree instanceof Map<?, ?> map)) {
            problems.add(new Problem(path, "a retention rule is an object with a \"rule\" name"));
            return null;
        }
        Object name = map.get("rule");
        if (!(name instanceof String rule) || !RULES.contains(rule)) {
            problems.add(new Problem(path + ".rule", "the rule must be one of " + new TreeSet<>(RULES)));
            return null;
        }
        int before = problems.size();
        RetentionRule read = switch (rule) {
            case "yearsAfterLastTreatment" -> {
                Integer years = integer(map, "years", path, problems);
                yield years == null ? null : build(() -> new YearsAfterLastTreatment(years), path, problems);
            }
            case "yearsAfterDeath" -> {
                Integer years = integer(map, "years", path, problems);
                yield years == null ? null : build(() -> new YearsAfterDeath(years), path, problems);
            }
            case "untilBirthday" -> {
                Integer birthday = integer(map, "birthday", path, problems);
                yield birthday == null ? null : build(() -> new UntilBirthday(birthday), path, problems);
            }
            case "whileAlive" -> new WhileAlive();
            case "aged" -> aged(map, path, problems);
            default -> latestOf(map, path, problems);
        };
        return problems.size() == before ? read : null;
    }

    private RetentionRule aged(Map<?, ?> map, String path, List<Problem> problems) {
        Integer from = integer(map, "from", path, problems);
        Integer to = map.containsKey("to") && map.get("to") != null
                ? integer(map, "to", path, problems)
                : Integer.valueOf(AgedAtLastTreatment.OR_OVER);
        RetentionRule then = read(map.get("then"), path + ".then", problems);
        if (from == null || to == null || then == null) {
            return null;
        }
        return build(() -> new AgedAtLastTreatment(from, to, then), path, problems);
    }

    private RetentionRule latestOf(Map<?, ?> map, String path, List<Problem> problems) {
        if (!(map.get("of") instanceof List<?> of) || of.isEmpty()) {
            problems.add(new Problem(path + ".of", "'the latest of' needs a list of at least one rule"));
            return null;
        }
        List<RetentionRule> rules = new ArrayList<>();
        for (int i = 0; i < of.size(); i++) {
            rules.add(read(of.get(i), path + ".of[" + i + "]", problems));
        }
        return rules.contains(null) ? null : new LatestOf(rules);
    }

    private static Integer integer(Map<?, ?> map, String key, String path, List<Problem> problems) {
        Object value = map.get(key);
        if (value instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e6) {
            return n.intValue();
        }
        problems.add(new Problem(path + "." + key, "a whole number of years is required"));
        return null;
    }

    private static RetentionRule build(Supplier<RetentionRule> rule, String path, List<Problem> problems) {
        try {
            return rule.get();
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path, e.getMessage()));
            return null;
        }
    }

    /**
     * A problem found while reading.
     *
     * @param path where, in the document's notation ({@code a.b[2].c}); never null
     * @param message what is wrong; never null
     */
    public record Problem(String path, String message) {
        public Problem {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }
    }
}
