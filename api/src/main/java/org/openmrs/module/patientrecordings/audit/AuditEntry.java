/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * One audited access (SAF-2): who did what, when, to which patient's which recording, for what purpose, and
 * whether it was allowed.
 *
 * <p>The time is truncated to whole microseconds, the finest precision all supported databases keep, so that an
 * entry read back hashes exactly as it did when it was written.
 *
 * @param user who acted, never null
 * @param at when, never null; truncated to microseconds
 * @param patient whose data, or null for an action that concerns no patient (a policy change, a search over
 *     several patients)
 * @param recording which recording, or null when the action concerns none
 * @param action what was done or attempted, never null
 * @param purpose the stated purpose of use, or null where none applies (a policy change)
 * @param outcome success, or refusal with its codes, never null
 * @param detail free text that adds context, such as a byte range or a search expression; at most {@value
 *     #MAX_DETAIL} characters, no line breaks, empty when there is none, never null. It must not carry
 *     patient-identifying text (names, addresses, record numbers): the identifiers above say who the patient is,
 *     and the log is read by auditors who may not see the record itself.
 */
public record AuditEntry(
        UserId user,
        Instant at,
        PatientId patient,
        RecordingId recording,
        AuditAction action,
        Purpose purpose,
        AuditOutcome outcome,
        String detail) {

    public static final int MAX_DETAIL = 1000;

    public AuditEntry {
        Objects.requireNonNull(user, "user");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
        if (detail.length() > MAX_DETAIL) {
            throw new IllegalArgumentException("audit detail is longer than " + MAX_DETAIL + " characters");
        }
        if (detail.indexOf('\n') >= 0 || detail.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("audit detail must be a single line");
        }
    }

    /** A successful access with no detail. */
    public static AuditEntry success(
            UserId user, Instant at, PatientId patient, RecordingId recording, AuditAction action, Purpose purpose) {
        return new AuditEntry(user, at, patient, recording, action, purpose, AuditOutcome.success(), "");
    }

    /** A refused access with the refusal's codes. */
    public static AuditEntry refused(
            UserId user,
            Instant at,
            PatientId patient,
            RecordingId recording,
            AuditAction action,
            Purpose purpose,
            ErrorCode first,
            ErrorCode... more) {
        return new AuditEntry(user, at, patient, recording, action, purpose, AuditOutcome.refused(first, more), "");
    }

    /** A copy with the given detail. */
    public AuditEntry withDetail(String newDetail) {
        return new AuditEntry(user, at, patient, recording, action, purpose, outcome, newDetail);
    }

    public Optional<PatientId> patientIfAny() {
        return Optional.ofNullable(patient);
    }

    public Optional<RecordingId> recordingIfAny() {
        return Optional.ofNullable(recording);
    }

    public Optional<Purpose> purposeIfAny() {
        return Optional.ofNullable(purpose);
    }
}
