/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The business identifier a client gives a recording (FHIR Media.identifier, the key of a conditional create). */
@DisplayName("A recording's business identifier")
class RecordingIdentifierTest {

    @Test
    @DisplayName("reads FHIR's token forms: system|value, |value and a bare value")
    void parsesEveryTokenForm() {
        assertThat(RecordingIdentifier.parse("https://clinic.example/ids|R-42"))
                .isEqualTo(new RecordingIdentifier("https://clinic.example/ids", "R-42"));
        assertThat(RecordingIdentifier.parse("|R-42")).isEqualTo(new RecordingIdentifier(null, "R-42"));
        assertThat(RecordingIdentifier.parse("R-42")).isEqualTo(new RecordingIdentifier(null, "R-42"));
    }

    @Test
    @DisplayName("splits at the first bar only: the value may itself contain one")
    void splitsAtTheFirstBar() {
        assertThat(RecordingIdentifier.parse("urn:sys|a|b")).isEqualTo(new RecordingIdentifier("urn:sys", "a|b"));
    }

    @Test
    @DisplayName("refuses a token without a value, and one whose parts are too long")
    void refusesBlankValuesAndLongParts() {
        assertThatThrownBy(() -> RecordingIdentifier.parse("urn:sys|")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordingIdentifier.parse(" ")).isInstanceOf(IllegalArgumentException.class);
        String longest = "v".repeat(RecordingIdentifier.MAX_LENGTH);
        assertThat(RecordingIdentifier.parse(longest + "|" + longest).value()).isEqualTo(longest);
        assertThatThrownBy(() -> RecordingIdentifier.parse(longest + "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordingIdentifier.parse(longest + "s|v"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordingIdentifier.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
