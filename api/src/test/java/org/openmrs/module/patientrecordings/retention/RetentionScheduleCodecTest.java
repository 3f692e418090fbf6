/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.retention.RetentionRuleCodec.Problem;

@DisplayName("REC-2: retention schedules written for administrators and read back")
class RetentionScheduleCodecTest {

    private final RetentionScheduleCodec codec = new RetentionScheduleCodec();

    @Test
    @DisplayName("the England schedule reads back equal to itself, numbers given as JSON parsers give them")
    void englandRoundTrip() {
        RetentionSchedule england = RetentionSchedules.england();
        List<Problem> problems = new ArrayList<>();

        RetentionSchedule read = codec.read(asParsed(codec.write(england)), "", problems);

        assertThat(problems).isEmpty();
        assertThat(read).isEqualTo(england);
    }

    @Test
    @DisplayName("every problem of a schedule is listed with its path")
    void everyProblemWithItsPath() {
        Map<String, Object> classes = new LinkedHashMap<>();
        classes.put("GENERAL", Map.of("rule", "aged", "from", -1, "then", Map.of("rule", "forever")));
        classes.put("GP", Map.of("rule", "latestOf", "of", List.of()));
        classes.put("DENTAL", Map.of("rule", "whileAlive"));
        classes.put("MATERNITY", Map.of("rule", "yearsAfterLastTreatment", "years", 2.5));
        List<Problem> problems = new ArrayList<>();

        RetentionSchedule read =
                codec.read(Map.of("jurisdiction", "england", "classes", classes), "retentionSchedules[0]", problems);

        assertThat(read).isNull();
        assertThat(problems)
                .extracting(Problem::path)
                .containsExactlyInAnyOrder(
                        "retentionSchedules[0].jurisdiction",
                        "retentionSchedules[0].classes.GENERAL.then.rule",
                        "retentionSchedules[0].classes.GP.of",
                        "retentionSchedules[0].classes.DENTAL",
                        "retentionSchedules[0].classes.MATERNITY.years");
    }

    @Test
    @DisplayName("a well-formed schedule with a gap is refused as the schedule itself refuses it")
    void gapRefused() {
        Map<String, Object> tree = codec.write(RetentionSchedules.england());
        @SuppressWarnings("unchecked")
        Map<String, Object> classes = (Map<String, Object>) tree.get("classes");
        classes.put("GENERAL", Map.of("rule", "aged", "from", 18, "then", Map.of("rule", "whileAlive")));
        List<Problem> problems = new ArrayList<>();

        assertThat(codec.read(tree, "", problems)).isNull();
        assertThat(problems).extracting(Problem::path).containsOnly("classes");
        assertThat(problems).hasSize(2);
        assertThat(problems)
                .extracting(Problem::path, p -> p.message().contains("GENERAL"))
                .containsOnly(tuple("classes", true));
    }

    /** As Gson reads JSON into plain Java values: every number a double. */
    private static Object asParsed(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), asParsed(v)));
            return copy;
        }
        if (tree instanceof List<?> list) {
            return list.stream().map(RetentionScheduleCodecTest::asParsed).toList();
        }
        return tree instanceof Number n ? Double.valueOf(n.doubleValue()) : tree;
    }
}
