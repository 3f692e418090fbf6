/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;

/**
 * Every web fuzz target behind one: the input's last byte picks the target, the rest is that target's input. Jazzer
 * fuzzes one target per JVM and its start dominates a short run, so the build's short fuzzing pass fuzzes this one;
 * the seeds are each target's seeds with its selector byte appended. The longer run ({@code -Pbench}) fuzzes each
 * target on its own.
 */
class EveryWebInputFuzzTest {

    /** In the order of the selector byte; append only, so that the seeds keep their targets. */
    static final List<Consumer<byte[]>> TARGETS = List.of(
            RangeHeaderFuzzTest::target,
            ContentRangeFuzzTest::target,
            SearchParametersFuzzTest::target,
            ContentDispositionFuzzTest::target);

    @FuzzTest
    void everyInputIsAResultOrAClearRefusal(FuzzedDataProvider data) {
        Consumer<byte[]> target = TARGETS.get(data.consumeInt(0, TARGETS.size() - 1));
        target.accept(data.consumeRemainingAsBytes());
    }

    @AfterAll
    static void closeTheClinic() throws Exception {
        SearchParametersFuzzTest.closeTheClinic();
    }
}
