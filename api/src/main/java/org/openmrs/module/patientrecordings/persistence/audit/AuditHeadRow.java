/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;

/**
 * The one row of {@code patientrecordings_audit_head} (id 1, inserted by the changelog): the sequence number and
 * hash of the last appended entry. Appends lock it, which keeps the chain linear.
 */
@Entity
@Table(name = "patientrecordings_audit_head")
class AuditHeadRow {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq_no", nullable = false)
    private long lastSequence;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditHeadRow() {}

    long lastSequence() {
        return lastSequence;
    }

    String lastHash() {
        return lastHash;
    }

    void advanceTo(StoredAuditEntry stored) {
        this.lastSequence = stored.sequence();
        this.lastHash = stored.hash();
    }
}
