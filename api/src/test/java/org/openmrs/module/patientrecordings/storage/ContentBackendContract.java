/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.port.ContentBackend.Committed;
import org.openmrs.module.patientrecordings.port.ContentBackend.Entry;
import org.openmrs.module.patientrecordings.port.ContentBackend.Temporary;

/**
 * What every {@link ContentBackend} promises, run against each implementation. Each test works under its own random
 * prefix, so implementations may share one store between tests.
 */
public abstract class ContentBackendContract {

    private final String prefix = "contract-" + UUID.randomUUID() + "/";

    /** The backend under test. */
    protected abstract ContentBackend backend();

    /** Leaves a temporary object for {@code key}, as a write interrupted by a crash would. */
    protected abstract void abandonWriteTo(String key) throws IOException;

    /** A size that makes the implementation use its largest-write path (several parts, for S3). */
    protected int largeContentSize() {
        return 3 * 1024 * 1024 + 17;
    }

    protected String key(String name) {
        return prefix + name;
    }

    protected static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    protected static byte[] readAll(SeekableByteChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(channel.size()));
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // read until full
        }
        return buffer.array();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4096, 100_003})
    public void writesAndReadsBackTheSameBytes(int size) throws IOException {
        byte[] content = randomBytes(size, size);

        long written = backend().write(key("object"), new ByteArrayInputStream(content));

        assertThat(written).isEqualTo(size);
        try (SeekableByteChannel channel = backend().openForRead(key("object"))) {
            assertThat(channel.size()).isEqualTo(size);
            assertThat(readAll(channel)).isEqualTo(content);
        }
    }

    @Test
    public void writesLargeContentAndReadsItBackFromAnyPosition() throws IOException {
        byte[] content = randomBytes(largeContentSize(), 7);

        backend().write(key("large"), new ByteArrayInputStream(content));

        try (SeekableByteChannel channel = backend().openForRead(key("large"))) {
            assertThat(channel.size()).isEqualTo(content.length);
            for (int position : new int[] {content.length - 10, 5, content.length / 2, 0}) {
                ByteBuffer buffer = ByteBuffer.allocate(10);
                channel.position(position);
                while (buffer.hasRemaining()) {
                    assertThat(channel.read(buffer)).isPositive();
                }
                assertThat(buffer.array()).isEqualTo(slice(content, position, 10));
            }
            channel.position(content.length);
            assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
            channel.position(0);
            assertThat(readAll(channel)).isEqualTo(content);
        }
    }

    @Test
    public void readChannelIsReadOnly() throws IOException {
        backend().write(key("read-only"), new ByteArrayInputStream(new byte[] {1, 2, 3}));

        try (SeekableByteChannel channel = backend().openForRead(key("read-only"))) {
            assertThatThrownBy(() -> channel.write(ByteBuffer.wrap(new byte[] {9})))
                    .isInstanceOf(NonWritableChannelException.class);
        }
    }

    @Test
    public void refusesToOverwriteAKey() throws IOException {
        backend().write(key("once"), new ByteArrayInputStream(new byte[] {1}));

        assertThatThrownBy(() -> backend().write(key("once"), new ByteArrayInputStream(new byte[] {2, 2})))
                .isInstanceOf(FileAlreadyExistsException.class);
        try (SeekableByteChannel channel = backend().openForRead(key("once"))) {
            assertThat(readAll(channel)).containsExactly(1);
        }
    }

    @Test
    public void reportsAMissingKeyAsNoSuchFile() throws IOException {
        assertThat(backend().exists(key("missing"))).isFalse();
        assertThat(backend().delete(key("missing"))).isFalse();
        assertThatThrownBy(() -> backend().openForRead(key("missing")))
                .isInstanceOfSatisfying(
                        NoSuchFileException.class, e -> assertThat(e.getFile()).isEqualTo(key("missing")));
    }

    @Test
    public void deletesOnceAndThenReportsNothingToDelete() throws IOException {
        backend().write(key("doomed"), new ByteArrayInputStream(new byte[] {1}));
        assertThat(backend().exists(key("doomed"))).isTrue();

        assertThat(backend().delete(key("doomed"))).isTrue();

        assertThat(backend().exists(key("doomed"))).isFalse();
        assertThat(backend().delete(key("doomed"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    public void aFailingContentStreamCommitsNothingAndLeavesNoTemporary(boolean large) throws IOException {
        IOException failure = new IOException("client went away");
        int failAfter = large ? largeContentSize() : 1000;
        InputStream failing = new FailingInputStream(randomBytes(failAfter, 3), failure);

        assertThatThrownBy(() -> backend().write(key("failed"), failing)).isSameAs(failure);

        assertThat(backend().exists(key("failed"))).isFalse();
        try (Stream<Entry> entries = backend().list(prefix)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    public void listsCommittedObjectsUnderAPrefixOnly() throws IOException {
        Instant before = Instant.now().minus(Duration.ofMinutes(5));
        backend().write(key("a/1"), new ByteArrayInputStream(new byte[3]));
        backend().write(key("a/2"), new ByteArrayInputStream(new byte[5]));
        backend().write(key("b/1"), new ByteArrayInputStream(new byte[7]));

        List<Entry> listed;
        try (Stream<Entry> entries = backend().list(key("a/"))) {
            listed = entries.toList();
        }

        assertThat(listed)
                .extracting(Entry::key, entry -> ((Committed) entry).size())
                .containsExactlyInAnyOrder(tuple(key("a/1"), 3L), tuple(key("a/2"), 5L));
        assertThat(listed).allSatisfy(entry -> assertThat(entry.lastModified()).isAfter(before));
    }

    @Test
    public void listsAPartialPrefix() throws IOException {
        backend().write(key("abc/1"), new ByteArrayInputStream(new byte[1]));
        backend().write(key("xyz/1"), new ByteArrayInputStream(new byte[1]));

        try (Stream<Entry> entries = backend().list(key("ab"))) {
            assertThat(entries).extracting(Entry::key).containsExactly(key("abc/1"));
        }
    }

    @Test
    public void listsAnAbandonedWriteAsTemporaryAndDiscardsIt() throws IOException {
        abandonWriteTo(key("abandoned"));

        Temporary temporary;
        try (Stream<Entry> entries = backend().list(prefix)) {
            List<Entry> listed = entries.toList();
            assertThat(listed).singleElement().isInstanceOf(Temporary.class);
            temporary = (Temporary) listed.get(0);
        }
        assertThat(temporary.key()).isEqualTo(key("abandoned"));
        assertThat(temporary.lastModified()).isBefore(Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(backend().exists(key("abandoned"))).isFalse();

        backend().discard(temporary);
        backend().discard(temporary);

        try (Stream<Entry> entries = backend().list(prefix)) {
            assertThat(entries).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/x", "x/", "a//b", "../x", "a/../b", ".hidden", "a/.tmp", "sp ace", "ü"})
    public void refusesKeysThatBreakTheKeyRules(String badKey) {
        assertThatThrownBy(() -> backend().write(badKey, new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backend().openForRead(badKey)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] slice(byte[] bytes, int from, int length) {
        byte[] slice = new byte[length];
        System.arraycopy(bytes, from, slice, 0, length);
        return slice;
    }

    /** Serves some bytes, then fails as a dropped upload connection does. */
    private static final class FailingInputStream extends InputStream {
        private final ByteArrayInputStream bytes;
        private final IOException failure;

        FailingInputStream(byte[] bytes, IOException failure) {
            this.bytes = new ByteArrayInputStream(bytes);
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            int b = bytes.read();
            if (b < 0) {
                throw failure;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = bytes.read(b, off, len);
            if (n < 0) {
                throw failure;
            }
            return n;
        }
    }
}
