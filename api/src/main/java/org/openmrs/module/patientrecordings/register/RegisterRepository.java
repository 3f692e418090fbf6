/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Stores register entries. Nothing is deleted: an entry is saved again once ended. */
public interface RegisterRepository {

    /** Inserts the entry, or replaces the entry of the same type and id. */
    <T extends RegisterEntry> T save(T entry);

    /** Every entry of a type, oldest first. */
    <T extends RegisterEntry> List<T> list(Class<T> type);

    <T extends RegisterEntry> Optional<T> find(Class<T> type, String id);

    /**
     * The entries of a type that meet the filter, oldest first by when they were made (entries made at the same
     * instant in the order they were first saved): {@code count} of them from {@code offset}, with how many meet it in
     * all. This default filters {@link #list} in memory; a store that can search, such as a database, does it there.
     *
     * @param at the instant "active" is judged at
     * @param count at most this many entries; {@link RegisterPage#ALL} for every one
     * @throws IllegalArgumentException for a negative offset or count
     */
    default <T extends RegisterEntry> RegisterPage<T> search(
            Class<T> type, RegisterFilter filter, Instant at, int offset, int count) {
        RegisterPage.requireRange(offset, count);
        List<T> matching = list(type).stream()
                .filter(e -> filter.matches(e, at))
                .sorted(Comparator.comparing(RegisterFilter::madeAt))
                .toList();
        return RegisterPage.slice(matching, offset, count);
    }
}
