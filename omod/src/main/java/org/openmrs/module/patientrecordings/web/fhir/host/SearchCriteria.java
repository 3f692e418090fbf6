/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir.host;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;

/** Search parameters the host cannot apply itself, applied to what it returned. */
public final class SearchCriteria {

    private SearchCriteria() {}

    /**
     * The patient a search is about, by {@code patient} or {@code subject} (either; both must agree).
     *
     * @return empty when neither is given
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 when the two differ
     */
    public static <T> Optional<T> patient(ReferenceParam patient, ReferenceParam subject, Function<String, T> of) {
        Optional<T> byPatient = Optional.ofNullable(patient).map(p -> FhirValues.id(p.getIdPart(), of, "patient"));
        Optional<T> bySubject = Optional.ofNullable(subject).map(s -> FhirValues.id(s.getIdPart(), of, "subject"));
        if (byPatient.isPresent() && bySubject.isPresent() && !byPatient.equals(bySubject)) {
            throw FhirValues.invalid("patient and subject name different patients", "subject");
        }
        return byPatient.or(() -> bySubject);
    }

    /** True when the reference is absent or names {@code id}. */
    public static boolean references(ReferenceParam reference, String id) {
        return reference == null || reference.getIdPart().equals(id);
    }

    /**
     * True when the range is absent or contains the instant. A bound of day precision covers the whole day (in the
     * server's time zone, as HAPI reads a date without one).
     */
    public static boolean within(DateRangeParam range, Instant instant) {
        if (range == null) {
            return true;
        }
        Date at = Date.from(instant);
        Date lower = range.getLowerBoundAsInstant();
        Date upper = range.getUpperBoundAsInstant();
        return (lower == null || !at.before(lower)) && (upper == null || !at.after(upper));
    }
}
