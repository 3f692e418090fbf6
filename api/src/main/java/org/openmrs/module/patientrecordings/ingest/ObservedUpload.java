/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An upload that tells the {@link IngestObserver} how far the write has read it. Does not close the upload. */
final class ObservedUpload extends FilterInputStream {

    private final IngestObserver observer;
    private long read;

    ObservedUpload(InputStream upload, IngestObserver observer) {
        super(upload);
        this.observer = observer;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            read++;
        }
        observer.reached(IngestPoint.DURING_WRITE, read);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            read += n;
        }
        observer.reached(IngestPoint.DURING_WRITE, read);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("an upload is read, not skipped");
    }

    @Override
    public void close() {
        // The upload stays the caller's.
    }
}
