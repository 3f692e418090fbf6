/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;

/** Instants as FHIR dateTimes in UTC ("Z"), so that output does not depend on the server's time zone. */
final class Times {

    private Times() {}

    static DateTimeType dateTime(Instant instant) {
        return new DateTimeType(instant.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /** An instant as FHIR's {@code instant} keeps it: to the millisecond; null for null. */
    static InstantType instant(Instant instant) {
        return instant == null
                ? null
                : new InstantType(instant.truncatedTo(ChronoUnit.MILLIS).toString());
    }
}
