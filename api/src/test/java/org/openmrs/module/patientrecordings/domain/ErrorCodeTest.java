/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one error catalogue: stable, unique codes named after rule IDs. */
class ErrorCodeTest {

    @Test
    void everyCodeIsUnique() {
        List<String> codes =
                Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();

        assertThat(codes).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeLooksLikeARuleId(ErrorCode code) {
        assertThat(code.code()).matches("[A-Z]{2,3}-\\d+");
        assertThat(code.name()).isEqualTo(code.code().replace('-', '_'));
        assertThat(code.title()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeIsFoundByItsCode(ErrorCode code) {
        assertThat(ErrorCode.fromCode(code.code())).contains(code);
    }

    @Test
    void anUnknownCodeIsNotFound() {
        assertThat(ErrorCode.fromCode("CON-99")).isEmpty();
        assertThat(ErrorCode.fromCode("con-1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CON-1", "CON-2", "CON-3", "CON-4", "CON-5", "CON-6", "CON-7", "CON-8", "CON-9", "CON-10", "CON-11",
                "COV-1", "COV-2", "PAT-1", "PAT-2", "PAT-3", "STF-1", "STF-2", "TEL-1", "TEL-2", "TEL-3", "TEL-4",
                "REC-1", "REC-2", "REC-3", "REC-4", "REC-5", "REC-6", "REC-7", "SEC-1", "SEC-2", "SEC-3", "SAF-1",
                "SAF-2", "SAF-3", "SAF-4", "POL-1", "POL-2"
            })
    void everyRuleOfTheRequirementsHasACode(String ruleId) {
        assertThat(ErrorCode.fromCode(ruleId)).isPresent();
    }
}
