/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import java.io.IOException;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.storage.ContentReferences;
import org.openmrs.module.patientrecordings.storage.ContentSweeper;

/**
 * Answers the {@link ContentSweeper} from the recordings table and the upload parts: a content key is referenced when
 * a committed recording row carries it, or when it is a committed part of the upload of a recording still in progress
 * (so that a paused upload survives the grace period), or when it is a part of a content kept in parts (a completed
 * chunked upload) that a committed recording row carries. The parts of a recording that is no longer in progress
 * (stopped, completed or voided before its upload finished) are referenced by nothing and swept, as are the parts
 * of a content no recording carries any more. Each question runs in a transaction of its own, never the caller's, so rows that are
 * saved but not yet committed do not count (and the sweeper's grace period covers them). Thread-safe.
 */
public final class DatabaseContentReferences implements ContentReferences {

    private final Transactions database;

    /**
     * @param database opened with the recording and upload entities ({@code JpaRecordingRepository.ENTITIES}, {@code
     *     JpaUploadProgress.ENTITIES})
     */
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
            return database.inTransaction(entityManager -> entityManager
                                    .createQuery(
                                            "select count(r) from RecordingRow r where r.contentKey = :key", Long.class)
                                    .setParameter("key", key)
                                    .getSingleResult()
                            > 0
                    || entityManager
                                    .createQuery(
                                            "select count(p) from UploadPartRow p, RecordingRow r where p.contentKey ="
                                                    + " :key and r.recordingId = p.recordingId and r.state = :state",
                                            Long.class)
                                    .setParameter("key", key)
                                    .setParameter("state", RecordingState.IN_PROGRESS.name())
                                    .getSingleResult()
                            > 0
                    || entityManager
                                    .createQuery(
                                            "select count(c) from ContentPartRow c, RecordingRow r where c.partKey ="
                                                    + " :key and r.contentKey = c.contentKey",
                                            Long.class)
                                    .setParameter("key", key)
                                    .getSingleResult()
                            > 0);
        } catch (RuntimeException e) {
            throw new IOException("Cannot tell whether content " + key + " is referenced", e);
        }
    }
}
