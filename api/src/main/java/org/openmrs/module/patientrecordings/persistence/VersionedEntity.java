/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * The optimistic-locking convention for updatable rows: a {@code version BIGINT NOT NULL} column that the provider
 * increments on every update and checks in its {@code WHERE} clause. Of two transactions that update the same row
 * from the same version, the second to commit fails; {@link Database#inTransaction} reports that as {@link
 * ConcurrentUpdateException} (VER-1). The version also serves as the FHIR {@code meta.versionId} and ETag.
 */
@MappedSuperclass
public abstract class VersionedEntity {

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** @return the version read, 0 for a row never updated */
    public long version() {
        return version;
    }
}
