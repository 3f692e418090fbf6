/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * A response whose answer leaves only once the request's unit of work has ended (SAF-4: a client told {@code 201
 * Created} can read what was created, and is never told so of a change that then rolls back). What the servlet writes
 * is kept in the container's response buffer, sized to hold an ordinary answer whole; the servlet's flushes and its
 * closing of the stream or writer are held back until {@link #release()}, which the unit of work calls after its
 * commit or rollback. An answer larger than the buffer (a content download) starts leaving as the buffer fills, as
 * any streamed answer does; a read changes nothing that a rollback could take back (its audit entry is committed on
 * its own before any byte leaves, SAF-2).
 */
final class AnswerAfterCommit extends HttpServletResponseWrapper {

    /** Big enough for a page of search results or an OperationOutcome, so that they leave whole after the commit. */
    static final int HELD_BYTES = 256 * 1024;

    private ServletOutputStream stream;
    private HeldWriter writer;

    AnswerAfterCommit(HttpServletResponse response) {
        super(response);
        if (!response.isCommitted() && response.getBufferSize() < HELD_BYTES) {
            response.setBufferSize(HELD_BYTES);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new HeldStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new HeldWriter(super.getWriter());
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        // Held until the unit of work has ended.
    }

    /** Lets the answer leave: what the servlet wrote, flushed now. */
    void release() throws IOException {
        if (writer != null) {
            writer.release();
        }
        getResponse().flushBuffer();
    }

    /** The container's stream, without its flush and close until released. */
    private static final class HeldStream extends ServletOutputStream {
        private final ServletOutputStream out;

        HeldStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // Held until the unit of work has ended.
        }

        @Override
        public void close() {
            // Held until the unit of work has ended.
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }

    /** The container's writer, without its flush and close until released. */
    private static final class HeldWriter extends PrintWriter {
        private final PrintWriter container;

        HeldWriter(PrintWriter container) {
            super(container, false);
            this.container = container;
        }

        @Override
        public void flush() {
            // Held until the unit of work has ended.
        }

        @Override
        public void close() {
            // Held until the unit of work has ended.
        }

        void release() {
            container.flush();
        }
    }
}
