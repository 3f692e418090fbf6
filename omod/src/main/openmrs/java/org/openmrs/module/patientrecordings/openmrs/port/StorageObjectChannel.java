/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only {@link SeekableByteChannel} over a storage object that can only be read as a stream: reading forward
 * skips, reading backwards reopens the stream. Range reads of the encrypted store position once and then read
 * forward, so each Range costs one open.
 */
final class StorageObjectChannel implements SeekableByteChannel {

    /** Opens the object's stream from its first byte. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private final Opener opener;
    private final long size;
    private InputStream stream;
    private long streamPosition;
    private long position;
    private boolean open = true;

    StorageObjectChannel(Opener opener, long size) {
        this.opener = opener;
        this.size = size;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        seekStream();
        byte[] chunk = new byte[(int) Math.min(target.remaining(), Math.min(size - position, 64 * 1024))];
        int n = stream.read(chunk, 0, chunk.length);
        if (n < 0) {
            throw new IOException("The stored object ended at " + position + " of " + size + " bytes");
        }
        target.put(chunk, 0, n);
        position += n;
        streamPosition += n;
        return n;
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        open = false;
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private void seekStream() throws IOException {
        if (stream != null && streamPosition == position) {
            return;
        }
        if (stream == null || streamPosition > position) {
            if (stream != null) {
                stream.close();
            }
            stream = opener.open();
            streamPosition = 0;
        }
        stream.skipNBytes(position - streamPosition);
        streamPosition = position;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
