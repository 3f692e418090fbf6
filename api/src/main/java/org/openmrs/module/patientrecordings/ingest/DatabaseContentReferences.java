/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import java.io.IOException;
import java.util.Objects;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.storage.ContentReferences;
import org.openmrs.module.patientrecordings.storage.ContentSweeper;

/**
 * Answers the {@link ContentSweeper} from the recordings table: a content key is referenced when a committed
 * recording row carries it. Each question runs in a transaction of its own, never the caller's, so rows that are
 * saved but not yet committed do not count (and the sweeper's grace period covers them). Thread-safe.
 */
public final class DatabaseContentReferences implements ContentReferences {

    private final Transactions database;

    /** @param database opened with the recording entities ({@code JpaRecordingRepository.ENTITIES}) */
    public DatabaseContentReferences(Transactions database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IOException when the database cannot answer, so that the sweeper removes nothing more
     */
    @Override
    public boolean isReferenced(String key) throws IOException {
        Objects.requireNonNull(key, "key");
        try {
            long rows = database.inTransaction(entityManager -> entityManager
                    .createQuery("select count(r) from RecordingRow r where r.contentKey = :key", Long.class)
                    .setParameter("key", key)
                    .getSingleResult());
            return rows > 0;
        } catch (RuntimeException e) {
            throw new IOException("Cannot tell whether content " + key + " is referenced", e);
        }
    }
}
