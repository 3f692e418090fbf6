/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import java.util.regex.Pattern;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/** Checks of host input: every refusal is SAF-4 naming the element, so that FHIR can report it as such. */
final class HostInput {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,63}");

    private HostInput() {}

    /** @return the text, stripped; SAF-4 when it is blank or longer than {@code max} */
    static String text(String value, String location, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(location + " is required", location);
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw invalid(location + " is longer than " + max + " characters", location);
        }
        return stripped;
    }

    /** @return the text stripped, or null when blank; SAF-4 when longer than {@code max} */
    static String optionalText(String value, String location, int max) {
        return value == null || value.isBlank() ? null : text(value, location, max);
    }

    static String identifier(String value, String location) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw invalid(location + " must be 1 to 64 letters, digits, '-' or '.'", location);
        }
        return value;
    }

    static RuleViolationException invalid(String message, String location) {
        return RuleViolationException.of(ErrorCode.SAF_4, message, location);
    }

    static RuleViolationException notFound(String message, String location) {
        return RuleViolationException.of(ErrorCode.NF_1, message, location);
    }
}
