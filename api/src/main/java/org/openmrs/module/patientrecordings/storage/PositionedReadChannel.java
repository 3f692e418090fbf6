/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * The read-only half every channel over stored content shares: a size known when it opens, a position the reader
 * moves freely (a read past the end reads nothing), no writing, and closing once. A subclass reads from the position
 * and says what closing releases.
 */
public abstract class PositionedReadChannel implements SeekableByteChannel {

    private final long size;
    private long position;
    private boolean open = true;

    /** @param size of the content, in bytes */
    protected PositionedReadChannel(long size) {
        this.size = size;
    }

    @Override
    public final long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public final synchronized long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public final synchronized SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("Negative position: " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public final int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public final SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public final synchronized boolean isOpen() {
        return open;
    }

    @Override
    public final synchronized void close() throws IOException {
        open = false;
        release();
    }

    /** Releases what the channel holds open; called on every close, so releasing twice must be harmless. */
    protected abstract void release() throws IOException;

    /** @return the size, for subclasses, whether or not the channel is open */
    protected final long knownSize() {
        return size;
    }

    /** @return the position, for subclasses (hold the channel's lock) */
    protected final long currentPosition() {
        return position;
    }

    /** Moves the position by what a read returned (hold the channel's lock). */
    protected final void advance(long bytes) {
        position += bytes;
    }

    /** @throws ClosedChannelException once the channel is closed */
    protected final void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
