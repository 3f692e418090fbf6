/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.util.List;

/**
 * One page of a register listing: the entries from an offset, oldest first, and how many entries meet the filter in
 * all.
 *
 * @param entries this page's entries
 * @param total how many entries meet the filter, on every page
 */
public record RegisterPage<T extends RegisterEntry>(List<T> entries, long total) {

    /** Asking for every entry at once. */
    public static final int ALL = Integer.MAX_VALUE;

    public RegisterPage {
        entries = List.copyOf(entries);
        if (total < entries.size()) {
            throw new IllegalArgumentException("a page holds at most the total");
        }
    }

    /** The page of {@code count} entries from {@code offset} of entries already filtered and ordered. */
    public static <T extends RegisterEntry> RegisterPage<T> slice(List<T> all, int offset, int count) {
        requireRange(offset, count);
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + count, all.size());
        return new RegisterPage<>(all.subList(from, to), all.size());
    }

    /** @throws IllegalArgumentException for a negative offset or count */
    public static void requireRange(int offset, int count) {
        if (offset < 0 || count < 0) {
            throw new IllegalArgumentException("offset and count are 0 or more");
        }
    }
}
