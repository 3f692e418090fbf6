/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir.host;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Reference;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * FHIR values in and out: references, ids, days and instants. Input that does not fit is refused with SAF-4 naming
 * the element, never skipped.
 */
public final class FhirValues {

    private FhirValues() {}

    /**
     * The id of a reference to a resource of {@code type}, relative ({@code Patient/1}) or absolute.
     *
     * @return empty when the reference is absent or has no {@code reference}
     * @throws RuleViolationException SAF-4 when it points at another type or has no id
     */
    public static Optional<String> idOf(Reference reference, String type, String location) {
        if (reference == null || !reference.hasReference()) {
            return Optional.empty();
        }
        var element = reference.getReferenceElement();
        if (!type.equals(element.getResourceType()) || !element.hasIdPart()) {
            throw invalid("expected a reference to a " + type + ", not " + reference.getReference(), location);
        }
        return Optional.of(element.getIdPart());
    }

    /** As {@link #idOf}, but the reference is required. */
    public static String requiredIdOf(Reference reference, String type, String location) {
        return idOf(reference, type, location)
                .orElseThrow(() -> invalid(location + " must reference a " + type, location));
    }

    /**
     * A domain id from a FHIR id or reference.
     *
     * @throws RuleViolationException SAF-4 when the value is not a valid id (blank, too long)
     */
    public static <T> T id(String value, Function<String, T> of, String location) {
        try {
            return of.apply(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(location + " is not a valid id", location);
        }
    }

    /**
     * The calendar day of a FHIR date, as written (no time zone applies to a date).
     *
     * @throws RuleViolationException SAF-4 when the date is not a full day ({@code 1984} or {@code 1984-03})
     */
    public static LocalDate day(DateType date, String location) {
        if (date == null || date.getValue() == null || date.getPrecision() != TemporalPrecisionEnum.DAY) {
            throw invalid(location + " must be a full date (YYYY-MM-DD)", location);
        }
        try {
            return LocalDate.parse(date.getValueAsString());
        } catch (DateTimeException e) {
            throw invalid(location + " must be a full date (YYYY-MM-DD)", location);
        }
    }

    /**
     * The instant of a FHIR dateTime or instant.
     *
     * @throws RuleViolationException SAF-4 when it has no time of day (a date alone is no instant)
     */
    public static Instant instant(BaseDateTimeType value, String location) {
        if (value == null
                || value.getValue() == null
                || value.getPrecision().ordinal() < TemporalPrecisionEnum.MINUTE.ordinal()) {
            throw invalid(location + " must be a date and time with a time zone", location);
        }
        return value.getValue().toInstant();
    }

    /** An instant as a dateTime in UTC, to the millisecond (FHIR's finest precision in HAPI). */
    public static DateTimeType dateTime(Instant instant) {
        return new DateTimeType(instant.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    public static RuleViolationException invalid(String message, String location) {
        return RuleViolationException.of(ErrorCode.SAF_4, message, location);
    }

    public static RuleViolationException notFound(String type, String id) {
        return RuleViolationException.of(ErrorCode.NF_1, "No " + type + " " + id, "id");
    }
}
