/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.IOException;

/** Answers, from committed database rows only, whether a content key belongs to a recording. */
@FunctionalInterface
public interface ContentReferences {

    /**
     * Whether a committed database row refers to {@code key}. When unsure (the database is unreachable), throw: the
     * sweeper then removes nothing.
     */
    boolean isReferenced(String key) throws IOException;
}
