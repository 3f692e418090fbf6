/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSniffingTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    private static final byte[] WEBM = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void anImageDeclaredAsVideoIsNamedForWhatItIs() {
        assertThat(ContentSniffing.problem(PNG, "video/webm"))
                .hasValue("The content is a PNG image, not video/webm as declared");
    }

    @Test
    void aContainerOfAudioOrVideoFitsEither() {
        assertThat(ContentSniffing.problem(WEBM, "video/webm")).isEmpty();
        assertThat(ContentSniffing.problem(WEBM, "audio/webm")).isEmpty();
        assertThat(ContentSniffing.problem(WEBM, "image/png")).isPresent();
    }

    @Test
    void markupAndProgramsAreNoRecordingWhateverTheyAreDeclaredAs() {
        byte[] page = "\n <!DOCTYPE html><script>".getBytes(StandardCharsets.US_ASCII);
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0};

        assertThat(ContentSniffing.problem(page, "image/svg+xml"))
                .hasValueSatisfying(p -> assertThat(p).contains("markup", "not a recording"));
        assertThat(ContentSniffing.problem(program, "video/mp4"))
                .hasValue("The content is an executable program, not a recording");
    }

    @Test
    void contentWithoutAKnownSignatureIsTakenAsDeclared() {
        byte[] noise = {0x35, (byte) 0x9d, 0x41, (byte) 0xba, (byte) 0xf7, (byte) 0x8a, (byte) 0xfe, 0x0d};

        assertThat(ContentSniffing.problem(noise, "video/webm")).isEmpty();
        assertThat(ContentSniffing.problem(new byte[0], "video/webm")).isEmpty();
        assertThat(ContentSniffing.problem("Recorded consultation".getBytes(StandardCharsets.US_ASCII), "video/webm"))
                .isEmpty();
    }
}
