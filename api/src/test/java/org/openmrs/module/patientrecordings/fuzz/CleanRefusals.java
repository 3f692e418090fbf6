/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * The property every fuzz target checks: an input either yields a result or the project's own refusal, a {@link
 * RuleViolationException} whose every reason carries an error code and a message naming the problem. Any other
 * exception (a null pointer, a class cast, an index out of bounds, a stack overflow, a parser's internal exception)
 * escapes the target and is Jazzer's finding.
 */
final class CleanRefusals {

    private CleanRefusals() {}

    /** Runs the input through the target; a refusal is checked to name its problem, and anything else escapes. */
    static void resultOrRefusal(Runnable target) {
        try {
            target.run();
        } catch (RuleViolationException refused) {
            assertNamesItsProblem(refused);
        }
    }

    static void assertNamesItsProblem(RuleViolationException refused) {
        assertThat(refused.reasons()).isNotEmpty();
        for (Reason reason : refused.reasons()) {
            assertThat(reason.code()).isNotNull();
            assertThat(reason.message()).isNotBlank();
        }
    }

    /** The fuzzer's bytes as the text a client sent; invalid UTF-8 becomes replacement characters, as on the wire. */
    static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }
}
