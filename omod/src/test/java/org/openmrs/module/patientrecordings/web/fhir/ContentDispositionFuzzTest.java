/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * SAF-4: any {@code Content-Disposition} of an upload either names no file, names a plain file name, or is refused
 * with SAF-4 naming the header: never an unexpected exception, and never a name with a directory or {@code ..} let
 * through, however it is quoted or percent-encoded. The input is the header; seeds are RFC 6266's forms.
 */
class ContentDispositionFuzzTest {

    private static final java.util.regex.Pattern FILE_NAME_PARAMETER =
            java.util.regex.Pattern.compile("(?i)filename\\*?\\s*=");

    @FuzzTest
    void aFileNameIsPlainOrRefused(byte[] input) {
        target(input);
    }

    static void target(byte[] input) {
        String header = new String(input, StandardCharsets.UTF_8);
        try {
            ContentUpload.checkFileName(header);
        } catch (RuleViolationException refused) {
            assertThat(refused.reasons()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo(ErrorCode.SAF_4);
                assertThat(r.location()).isEqualTo("Content-Disposition");
            });
            return;
        }
        // The name a lenient reader could take: what follows the parameter's '=' up to the next ';'.
        if (onlyAFileName(header)) {
            assertThat(decodedLeniently(parameterText(header))).doesNotContain("../", "..\\", "/..", "\\..");
        }
    }

    /** One parameter, the file name: then a path anywhere in the header is in the name. */
    private static boolean onlyAFileName(String header) {
        return FILE_NAME_PARAMETER.matcher(header).find()
                && header.indexOf('=') >= 0
                && header.indexOf('=') == header.lastIndexOf('=');
    }

    /** The file name parameter's whole text: from its '=' to the next ';' or the end. */
    private static String parameterText(String header) {
        int from = header.indexOf('=') + 1;
        int end = header.indexOf(';', from);
        return header.substring(from, end < 0 ? header.length() : end);
    }

    /** The header with every percent-escape that can be decoded, decoded. */
    private static String decodedLeniently(String header) {
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header;
        }
    }
}
