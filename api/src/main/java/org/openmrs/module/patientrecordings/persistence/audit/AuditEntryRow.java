/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * A row of {@code patientrecordings_audit_entry}. Only inserted, never updated. Plain columns (strings, not enum
 * mappings) so that the row reads back exactly as it was hashed on every database, and so that a tampered value is
 * reported by the verifier rather than refused by the mapping. Times are UTC.
 */
@Entity
@Table(name = "patientrecordings_audit_entry")
class AuditEntryRow {

    @Id
    @Column(name = "seq_no")
    private long sequence;

    @Column(name = "occurred_at", nullable = false)
    private LocalDateTime occurredAt;

    @Column(name = "user_id", nullable = false, length = 255)
    private String userId;

    @Column(name = "patient_id", length = 255)
    private String patientId;

    @Column(name = "recording_id", length = 255)
    private String recordingId;

    @Column(name = "audit_action", nullable = false, length = 32)
    private String action;

    @Column(name = "purpose", length = 64)
    private String purpose;

    @Column(name = "outcome", nullable = false, length = 16)
    private String outcome;

    @Column(name = "outcome_codes", length = 255)
    private String outcomeCodes;

    @Column(name = "detail", length = AuditEntry.MAX_DETAIL)
    private String detail;

    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(name = "entry_hash", nullable = false, length = 64)
    private String hash;

    protected AuditEntryRow() {}

    static AuditEntryRow of(StoredAuditEntry stored) {
        AuditEntry entry = stored.entry();
        AuditEntryRow row = new AuditEntryRow();
        row.sequence = stored.sequence();
        row.occurredAt = LocalDateTime.ofInstant(entry.at(), ZoneOffset.UTC);
        row.userId = entry.user().value();
        row.patientId = entry.patient() == null ? null : entry.patient().value();
        row.recordingId = entry.recording() == null ? null : entry.recording().value();
        row.action = entry.action().name();
        row.purpose = entry.purpose() == null ? null : entry.purpose().code();
        row.outcome = entry.outcome().result().name();
        row.outcomeCodes = entry.outcome().codes().isEmpty()
                ? null
                : entry.outcome().codes().stream().map(ErrorCode::code).collect(Collectors.joining(","));
        row.detail = entry.detail().isEmpty() ? null : entry.detail();
        row.previousHash = stored.previousHash();
        row.hash = stored.hash();
        return row;
    }

    long sequence() {
        return sequence;
    }

    /**
     * @return the stored entry
     * @throws IllegalArgumentException when a column holds what no audit entry can (a tampered row)
     */
    StoredAuditEntry toStored() {
        AuditEntry entry = new AuditEntry(
                UserId.of(userId),
                occurredAt.toInstant(ZoneOffset.UTC),
                patientId == null ? null : PatientId.of(patientId),
                recordingId == null ? null : RecordingId.of(recordingId),
                AuditAction.valueOf(action),
                purpose == null ? null : new Purpose(purpose),
                new AuditOutcome(AuditOutcome.Result.valueOf(outcome), codes(outcomeCodes)),
                detail);
        return new StoredAuditEntry(sequence, entry, previousHash, hash);
    }

    private static List<ErrorCode> codes(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(joined.split(","))
                .map(code -> ErrorCode.fromCode(code)
                        .orElseThrow(() -> new IllegalArgumentException("unknown error code " + code)))
                .toList();
    }
}
