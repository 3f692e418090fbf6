/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.recording.RecordedContent;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.storage.ContentSweeper;
import org.openmrs.module.patientrecordings.storage.EncryptedContentStore;
import org.openmrs.module.patientrecordings.storage.StoredContent;
import org.openmrs.module.patientrecordings.storage.UploadLimits;

/**
 * Takes in the content of a recording in the one order that survives a crash at any moment: the content is written
 * to the {@link EncryptedContentStore} (temporary object, made durable, renamed into place), and only then is the
 * recording's reference to it committed in the database, in one unit of work.
 *
 * <p>So a committed recording always has its content, and a crash or failure part-way leaves only content that no
 * committed row refers to: a temporary object, or an orphan. Those are the {@link ContentSweeper}'s to remove after
 * its grace period (with {@link DatabaseContentReferences}). Ingest never deletes content itself when the database
 * step fails: a commit whose outcome is unknown (a connection lost after the commit was sent) may have committed, and
 * only the sweeper, asking committed rows, can tell.
 *
 * <p>Nulls: no parameter may be null. Thread-safe when the attachment is.
 */
public final class ContentIngest {

    private final EncryptedContentStore store;
    private final Transactions database;
    private final ContentAttachment attachment;
    private final IngestObserver observer;

    /**
     * @param store where the content goes
     * @param database whose unit of work the attachment runs in
     * @param attachment the database step, normally {@code recordingService::attachContent}
     */
    public ContentIngest(EncryptedContentStore store, Transactions database, ContentAttachment attachment) {
        this(store, database, attachment, IngestObserver.NONE);
    }

    ContentIngest(
            EncryptedContentStore store, Transactions database, ContentAttachment attachment, IngestObserver observer) {
        this.store = Objects.requireNonNull(store, "store");
        this.database = Objects.requireNonNull(database, "database");
        this.attachment = Objects.requireNonNull(attachment, "attachment");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /**
     * Stores {@code upload} as the content of a recording and commits the reference to it.
     *
     * @param recording the recording the content belongs to
     * @param contentType the MIME type of the content, for example {@code audio/webm}
     * @param upload the plaintext, read once to its end and not closed; never held whole in memory
     * @param limits what the upload must satisfy (SAF-4)
     * @return the recording as committed, carrying the content's key, size and hashes
     * @throws org.openmrs.module.patientrecordings.storage.ContentRejectedException if the upload breaks
     *     {@code limits}; nothing is committed and nothing is left behind (SAF-4)
     * @throws IOException if reading the upload or the store fails; nothing is committed
     * @throws RuntimeException from the attachment or the database (a refusal, a lost optimistic lock, a failed
     *     commit); the recording is unchanged and the stored content is left for the sweeper
     */
    public Recording ingest(RecordingId recording, String contentType, InputStream upload, UploadLimits limits)
            throws IOException {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(limits, "limits");
        observer.reached(IngestPoint.BEFORE_WRITE, 0);
        StoredContent stored = store.write(new ObservedUpload(upload, observer), limits);
        observer.reached(IngestPoint.AFTER_RENAME_BEFORE_COMMIT, stored.size());
        RecordedContent content =
                new RecordedContent(stored.key(), contentType, stored.size(), stored.sha256(), stored.sha1());
        Recording committed = database.inUnitOfWork(() -> {
            Recording saved = attachment.attach(recording, content);
            observer.reached(IngestPoint.DURING_COMMIT, stored.size());
            return saved;
        });
        observer.reached(IngestPoint.AFTER_COMMIT, stored.size());
        return committed;
    }
}
