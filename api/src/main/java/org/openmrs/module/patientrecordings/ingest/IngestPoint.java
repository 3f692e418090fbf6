/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

/** The moments of an ingest that an {@link IngestObserver} hears about, in the order they happen. */
enum IngestPoint {
    /** Nothing has been written yet. */
    BEFORE_WRITE,
    /** The content is being written: some plaintext has been read into a temporary object. */
    DURING_WRITE,
    /** The content is committed in the store (renamed into place); the database has not been touched. */
    AFTER_RENAME_BEFORE_COMMIT,
    /** The recording's new content reference is saved inside the open transaction, not yet committed. */
    DURING_COMMIT,
    /** The transaction has committed; the caller has not yet been told. */
    AFTER_COMMIT
}
