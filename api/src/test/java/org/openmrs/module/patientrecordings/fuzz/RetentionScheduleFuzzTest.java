/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openmrs.module.patientrecordings.retention.RecordClass;
import org.openmrs.module.patientrecordings.retention.RetentionCalculator;
import org.openmrs.module.patientrecordings.retention.RetentionFacts;
import org.openmrs.module.patientrecordings.retention.RetentionRuleCodec.Problem;
import org.openmrs.module.patientrecordings.retention.RetentionSchedule;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleCodec;

/**
 * REC-2: any retention schedule file, read as the administration endpoint reads a schedule's body, is either refused
 * with every problem at its path or is a schedule that gives an end of retention for every record class, for a living
 * patient as for one who died. Never an unexpected exception. Seeds: the England schedule as exported, and variants.
 */
class RetentionScheduleFuzzTest {

    private static final Gson GSON = new Gson();
    private static final LocalDate BIRTH = LocalDate.of(1950, 2, 28);
    private static final LocalDate LAST_TREATMENT = LocalDate.of(2024, 2, 29);

    @FuzzTest
    void aScheduleFileIsRefusedWithItsProblemsOrGivesEveryEnd(byte[] input) {
        target(input);
    }

    static void target(byte[] input) {
        JsonElement body;
        try {
            body = JsonParser.parseString(CleanRefusals.text(input));
        } catch (JsonParseException notJson) {
            return; // the endpoint answers SAF-4 "The body is not JSON"
        }
        List<Problem> problems = new ArrayList<>();
        RetentionSchedule schedule = new RetentionScheduleCodec().read(GSON.fromJson(body, Object.class), "", problems);
        if (schedule == null) {
            assertThat(problems)
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.message()).isNotBlank());
            return;
        }
        assertThat(problems).isEmpty();
        RetentionCalculator calculator = new RetentionCalculator();
        for (RecordClass recordClass : RecordClass.values()) {
            RetentionFacts living = RetentionFacts.living(BIRTH, LAST_TREATMENT, recordClass);
            assertThat(calculator.retentionEnd(schedule, living)).isNotNull();
            assertThat(calculator.retentionEnd(schedule, living.withDeath(LAST_TREATMENT.plusDays(1))))
                    .isNotNull();
        }
    }
}
