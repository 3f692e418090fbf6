/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

/**
 * Hears each {@link IngestPoint} of an ingest as it is reached, on the ingesting thread; a test seam for proving
 * crash safety, which may block to hold the ingest at a point. Not for production use.
 */
@FunctionalInterface
interface IngestObserver {

    /** Hears nothing. */
    IngestObserver NONE = (point, plaintextBytes) -> {};

    /**
     * Called at {@code point}; during the write once per read of the upload, including the read that finds its end.
     *
     * @param plaintextBytes how many bytes of the upload have been read so far
     */
    void reached(IngestPoint point, long plaintextBytes);
}
