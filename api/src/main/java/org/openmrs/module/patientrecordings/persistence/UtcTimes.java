/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in {@code DATETIME(6)} columns: stored as the UTC wall-clock time, which every supported database keeps
 * without conversion, to the microsecond: finer parts are cut off before writing, so that a value reads back as it
 * was written.
 */
public final class UtcTimes {

    private UtcTimes() {}

    /** @return the column value, to the microsecond, or null for null */
    public static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(stored(instant), ZoneOffset.UTC);
    }

    /** @return the instant as a column keeps it: to the microsecond; null for null */
    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** @return the instant, or null for null */
    public static Instant toInstant(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC);
    }
}
