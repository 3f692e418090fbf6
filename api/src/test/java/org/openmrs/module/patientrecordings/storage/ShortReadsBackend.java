/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.stream.Stream;
import org.openmrs.module.patientrecordings.port.ContentBackend;

/**
 * A backend whose read channels return at most a few hundred bytes per call, as network-backed channels (S3) do.
 * Legal for a channel, and what Tink's decrypter must be shielded from.
 */
final class ShortReadsBackend implements ContentBackend {

    private static final int MAX_READ = 397;

    private final ContentBackend delegate;

    ShortReadsBackend(ContentBackend delegate) {
        this.delegate = delegate;
    }

    @Override
    public long write(String key, InputStream content) throws IOException {
        return delegate.write(key, content);
    }

    @Override
    public SeekableByteChannel openForRead(String key) throws IOException {
        SeekableByteChannel channel = delegate.openForRead(key);
        return new SeekableByteChannel() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                ByteBuffer limited = dst.slice();
                limited.limit(Math.min(limited.limit(), MAX_READ));
                int n = channel.read(limited);
                if (n > 0) {
                    dst.position(dst.position() + n);
                }
                return n;
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                return channel.write(src);
            }

            @Override
            public long position() throws IOException {
                return channel.position();
            }

            @Override
            public SeekableByteChannel position(long newPosition) throws IOException {
                channel.position(newPosition);
                return this;
            }

            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public SeekableByteChannel truncate(long size) throws IOException {
                return channel.truncate(size);
            }

            @Override
            public boolean isOpen() {
                return channel.isOpen();
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    @Override
    public boolean exists(String key) throws IOException {
        return delegate.exists(key);
    }

    @Override
    public boolean delete(String key) throws IOException {
        return delegate.delete(key);
    }

    @Override
    public Stream<Entry> list(String prefix) throws IOException {
        return delegate.list(prefix);
    }

    @Override
    public void discard(Temporary temporary) throws IOException {
        delegate.discard(temporary);
    }
}
