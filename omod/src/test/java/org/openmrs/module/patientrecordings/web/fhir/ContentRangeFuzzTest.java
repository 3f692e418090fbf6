/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * SAF-4: any {@code Content-Range} and {@code Content-Length} of an upload chunk are either a chunk inside the limit
 * and inside the content it announces, or refused with SAF-4 naming the header, before a byte is read: never an
 * unexpected exception, never a chunk whose end overflows past the limit. The input is the Content-Length on the first
 * line ({@code -1} for chunked transfer) and the Content-Range after it.
 */
class ContentRangeFuzzTest {

    private static final long LIMIT = 1 << 20;

    @FuzzTest
    void aChunkIsInsideTheLimitOrRefusedNamingItsHeader(byte[] input) {
        target(input);
    }

    static void target(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        long length = newline < 0 ? -1 : contentLength(text.substring(0, newline));
        String header = newline < 0 ? text : text.substring(newline + 1);
        ContentUpload.Chunk chunk;
        try {
            chunk = ContentUpload.chunk(header, length, LIMIT);
        } catch (RuleViolationException refused) {
            assertThat(refused.reasons()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo(ErrorCode.SAF_4);
                assertThat(r.location()).isIn("Content-Range", "Content-Length");
                assertThat(r.message()).isNotBlank();
            });
            return;
        }
        if (chunk.whole()) {
            assertThat(chunk.first()).isZero();
            assertThat(chunk.length()).isEqualTo(length).isNotZero().isLessThanOrEqualTo(LIMIT);
            return;
        }
        assertThat(chunk.first()).isNotNegative();
        assertThat(chunk.length()).isPositive();
        assertThat(chunk.first() + chunk.length()).isLessThanOrEqualTo(LIMIT);
        if (chunk.total() >= 0) {
            assertThat(chunk.total()).isBetween(chunk.first() + chunk.length(), LIMIT);
        }
        if (length >= 0) {
            assertThat(chunk.length()).isEqualTo(length);
        }
    }

    /** -1 (chunked transfer) unless the line is a non-negative number, as a servlet container reports it. */
    private static long contentLength(String line) {
        try {
            return Math.max(Long.parseLong(line.trim()), -1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
