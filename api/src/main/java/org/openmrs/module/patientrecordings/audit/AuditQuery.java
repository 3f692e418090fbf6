/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * A search of the audit log: every criterion that is not null must hold, and the matches come one page at a
 * time. Start from {@link #all()} and narrow it: {@code AuditQuery.all().forPatient(p).between(from, to)}.
 *
 * @param patient entries about this patient, or null for any
 * @param recording entries about this recording, or null for any
 * @param user entries by this user, or null for any
 * @param action entries of this action, or null for any
 * @param from entries at or after this time, or null; like entry times, kept to the microsecond
 * @param to entries strictly before this time, or null; kept to the microsecond
 * @param order by sequence number, newest or oldest first
 * @param offset how many matches to skip, at least 0
 * @param limit the page size, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(
        PatientId patient,
        RecordingId recording,
        UserId user,
        AuditAction action,
        Instant from,
        Instant to,
        Order order,
        int offset,
        int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        Objects.requireNonNull(order, "order");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        from = from == null ? null : from.truncatedTo(ChronoUnit.MICROS);
        to = to == null ? null : to.truncatedTo(ChronoUnit.MICROS);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the time range ends before it starts");
        }
    }

    /** Every entry, newest first, the first page of {@value #DEFAULT_LIMIT}. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, Order.NEWEST_FIRST, 0, DEFAULT_LIMIT);
    }

    public AuditQuery forPatient(PatientId value) {
        return new AuditQuery(value, recording, user, action, from, to, order, offset, limit);
    }

    public AuditQuery forRecording(RecordingId value) {
        return new AuditQuery(patient, value, user, action, from, to, order, offset, limit);
    }

    public AuditQuery byUser(UserId value) {
        return new AuditQuery(patient, recording, value, action, from, to, order, offset, limit);
    }

    public AuditQuery withAction(AuditAction value) {
        return new AuditQuery(patient, recording, user, value, from, to, order, offset, limit);
    }

    /** Entries at or after {@code start} and strictly before {@code end}; either may be null. */
    public AuditQuery between(Instant start, Instant end) {
        return new AuditQuery(patient, recording, user, action, start, end, order, offset, limit);
    }

    public AuditQuery ordered(Order value) {
        return new AuditQuery(patient, recording, user, action, from, to, value, offset, limit);
    }

    public AuditQuery page(int newOffset, int newLimit) {
        return new AuditQuery(patient, recording, user, action, from, to, order, newOffset, newLimit);
    }

    /** @return true when the entry meets every criterion; the paging does not matter here */
    public boolean matches(AuditEntry entry) {
        return (patient == null || patient.equals(entry.patient()))
                && (recording == null || recording.equals(entry.recording()))
                && (user == null || user.equals(entry.user()))
                && (action == null || action == entry.action())
                && (from == null || !entry.at().isBefore(from))
                && (to == null || entry.at().isBefore(to));
    }

    /** The order of results, by sequence number (the order in which entries were appended). */
    public enum Order {
        NEWEST_FIRST,
        OLDEST_FIRST
    }
}
