/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/**
 * Converts OpenMRS dates. OpenMRS keeps dates as {@link Date}s in the server's time zone, and Hibernate may hand out
 * {@code java.sql.Date}, whose {@code toInstant()} throws: so convert through the epoch milliseconds.
 */
final class HostDates {

    private HostDates() {}

    /** The calendar day of a host date in the server's zone, or null. */
    static LocalDate localDate(Date date) {
        return date == null
                ? null
                : instant(date).atZone(ZoneId.systemDefault()).toLocalDate();
    }

    /** The instant of a host date, or null. */
    static Instant instant(Date date) {
        return date == null ? null : Instant.ofEpochMilli(date.getTime());
    }
}
