/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a rule refused or warned.
 *
 * @param code the stable code from the catalogue, never null
 * @param severity an error denies; a warning allows but must be shown and recorded
 * @param message a human-readable explanation, never null
 * @param location the input element the reason is about (e.g. {@code audience}), or null
 */
public record Reason(ErrorCode code, Severity severity, String message, String location) {

    /** Deterministic order, so that a combined decision does not depend on the order rules ran in. */
    public static final Comparator<Reason> ORDER = Comparator.comparing(Reason::code)
            .thenComparing(Reason::severity)
            .thenComparing(r -> Objects.toString(r.location(), ""))
            .thenComparing(Reason::message);

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Reason error(ErrorCode code, String message) {
        return new Reason(code, Severity.ERROR, message, null);
    }

    public static Reason error(ErrorCode code, String message, String location) {
        return new Reason(code, Severity.ERROR, message, location);
    }

    public static Reason warning(ErrorCode code, String message) {
        return new Reason(code, Severity.WARNING, message, null);
    }

    public Optional<String> locationIfAny() {
        return Optional.ofNullable(location);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** How much a reason weighs. */
    public enum Severity {
        ERROR,
        WARNING
    }
}
