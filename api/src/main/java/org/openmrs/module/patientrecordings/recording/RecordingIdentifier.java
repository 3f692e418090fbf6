/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.Objects;

/**
 * A business identifier a client gave a recording when it created it (FHIR {@code Media.identifier}, the key of a
 * conditional create), kept with the recording so that every later read shows it.
 *
 * @param system the namespace of the value, or null when the client gave none
 * @param value the identifier itself, never blank
 */
public record RecordingIdentifier(String system, String value) {

    /** The longest system or value kept. */
    public static final int MAX_LENGTH = 255;

    public RecordingIdentifier {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an identifier needs a value");
        }
        if (value.length() > MAX_LENGTH || (system != null && system.length() > MAX_LENGTH)) {
            throw new IllegalArgumentException(
                    "an identifier's system and value are at most " + MAX_LENGTH + " characters each");
        }
        system = system == null || system.isEmpty() ? null : system;
    }

    /**
     * Reads FHIR's token form: {@code system|value}, {@code |value} (no system) or {@code value}.
     *
     * @throws IllegalArgumentException when the value is blank or a part is too long
     */
    public static RecordingIdentifier parse(String token) {
        Objects.requireNonNull(token, "token");
        int bar = token.indexOf('|');
        return bar < 0
                ? new RecordingIdentifier(null, token)
                : new RecordingIdentifier(token.substring(0, bar), token.substring(bar + 1));
    }
}
