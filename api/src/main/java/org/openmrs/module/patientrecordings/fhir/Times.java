/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hl7.fhir.r4.model.DateTimeType;

/** Instants as FHIR dateTimes in UTC ("Z"), so that output does not depend on the server's time zone. */
final class Times {

    private Times() {}

    static DateTimeType dateTime(Instant instant) {
        return new DateTimeType(instant.truncatedTo(ChronoUnit.MILLIS).toString());
    }
}
