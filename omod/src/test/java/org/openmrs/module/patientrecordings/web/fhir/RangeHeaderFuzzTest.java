/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * SAF-2: any {@code Range} header on a content download is either ignored (the whole content is sent), a range inside
 * the content, or unsatisfiable (416): never an unexpected exception. The input is the content's size on the first
 * line and the header after it; seeds are ranges RFC 9110 lists and their edges.
 */
class RangeHeaderFuzzTest {

    @FuzzTest
    void aRangeHeaderIsIgnoredServedOrUnsatisfiable(byte[] input) {
        target(input);
    }

    static void target(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        long size = newline < 0 ? 1000 : size(text.substring(0, newline));
        String header = newline < 0 ? text : text.substring(newline + 1);
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(header, size);
        } catch (ByteRange.Unsatisfiable unsatisfiable) {
            return;
        }
        range.ifPresent(r -> {
            assertThat(r.first()).isBetween(0L, r.last());
            assertThat(r.last()).isLessThan(size);
            assertThat(r.length()).isPositive();
            assertThat(r.contentRange(size)).isEqualTo("bytes " + r.first() + "-" + r.last() + "/" + size);
        });
    }

    /** A content's size: 0 to 2^40 bytes, 1000 when the line is not one. */
    private static long size(String line) {
        try {
            return Math.min(Math.max(Long.parseLong(line.trim()), 0), 1L << 40);
        } catch (NumberFormatException e) {
            return 1000;
        }
    }
}
