/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A row of {@code patientrecordings_idempotency}: which resource a key created. Times in UTC. */
@Entity
@Table(name = "patientrecordings_idempotency")
class IdempotencyRecord {

    /**
     * The resource id of a key whose resource is being created in the same transaction; replaced before that
     * transaction commits, so no other transaction ever reads it.
     */
    static final String PENDING = "-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "key_scope", nullable = false, length = 64)
    private String scope;

    @Column(name = "idempotency_key", nullable = false, length = 255)
    private String key;

    @Column(name = "resource_id", nullable = false, length = 255)
    private String resourceId;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected IdempotencyRecord() {}

    IdempotencyRecord(IdempotencyKey key, String resourceId, LocalDateTime createdAtUtc) {
        this.scope = key.scope();
        this.key = key.value();
        this.resourceId = resourceId;
        this.createdAt = createdAtUtc;
    }

    String resourceId() {
        return resourceId;
    }

    /** Notes the resource the key created. */
    void created(String createdResourceId) {
        this.resourceId = createdResourceId;
    }
}
