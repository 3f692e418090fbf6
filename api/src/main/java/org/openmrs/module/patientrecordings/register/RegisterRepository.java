/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.util.List;
import java.util.Optional;

/** Stores register entries. Nothing is deleted: an entry is saved again once ended. */
public interface RegisterRepository {

    /** Inserts the entry, or replaces the entry of the same type and id. */
    <T extends RegisterEntry> T save(T entry);

    /** Every entry of a type, oldest first. */
    <T extends RegisterEntry> List<T> list(Class<T> type);

    <T extends RegisterEntry> Optional<T> find(Class<T> type, String id);
}
