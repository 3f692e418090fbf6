/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single HTTP byte range ({@code Range: bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) resolved against a size.
 * Several ranges are not served as such: the whole content is sent instead, which RFC 9110 allows.
 *
 * @param first the first byte, inclusive
 * @param last the last byte, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * @return empty for no or an ignorable header (then the whole content is sent)
     * @throws Unsatisfiable when the range lies outside the content (HTTP 416)
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        long first;
        long last;
        if (m.group(1).isEmpty()) {
            long suffix = position(m.group(2));
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = position(m.group(1));
            last = m.group(2).isEmpty() ? size - 1 : Math.min(position(m.group(2)), size - 1);
        }
        if (first >= size || last < first) {
            throw new Unsatisfiable();
        }
        return Optional.of(new ByteRange(first, last));
    }

    /**
     * A position as written, or {@link Long#MAX_VALUE} for one past it: RFC 9110 sets no limit on the digits, and a
     * position beyond any content means the same as the largest.
     */
    private static long position(String digits) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() > 18 ? Long.MAX_VALUE : Long.parseLong(significant);
    }

    /** The requested range does not overlap the content. */
    static final class Unsatisfiable extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
