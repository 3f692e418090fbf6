/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.storage.ContentBackendContract;

class FilesystemContentBackendTest extends ContentBackendContract {

    @TempDir
    Path root;

    private FilesystemContentBackend backend;

    @BeforeEach
    void createBackend() throws IOException {
        backend = new FilesystemContentBackend(root);
    }

    @Override
    protected ContentBackend backend() {
        return backend;
    }

    @Override
    protected void abandonWriteTo(String key) throws IOException {
        Path target = backend.root().resolve(key);
        Files.createDirectories(target.getParent());
        Files.write(target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp"), new byte[10]);
    }

    @Test
    void contentForcedToDiskWhileItArrivesIsCommittedWhole() throws Exception {
        long size = 100L * 1024 * 1024 + 17;
        MessageDigest sent = MessageDigest.getInstance("SHA-256");

        long written = backend.write(key("flushed"), new DigestInputStream(new SeededBytes(size), sent));

        assertThat(written).isEqualTo(size);
        MessageDigest stored = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(backend.root().resolve(key("flushed")))) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                stored.update(buffer, 0, n);
            }
        }
        assertThat(stored.digest()).isEqualTo(sent.digest());
    }

    @Test
    void aStreamFailingWhileContentIsForcedToDiskCommitsNothing() throws IOException {
        IOException failure = new IOException("client went away");
        InputStream failing = new SeededBytes(70L * 1024 * 1024) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw failure;
                }
                return n;
            }
        };

        assertThatThrownBy(() -> backend.write(key("failed"), failing)).isSameAs(failure);

        assertThat(backend.exists(key("failed"))).isFalse();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    /** {@code size} pseudo-random bytes, made as they are read. */
    private static class SeededBytes extends InputStream {
        private final Random random = new Random(11);
        private long left;

        SeededBytes(long size) {
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, Math.min(left, 1 << 20));
            byte[] made = new byte[n];
            random.nextBytes(made);
            System.arraycopy(made, 0, b, off, n);
            left -= n;
            return n;
        }
    }

    @Test
    void keepsContentReadableByItsOwnerOnly() throws IOException {
        backend.write(key("private"), new ByteArrayInputStream(new byte[] {1}));

        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(backend.root().resolve(key("private")))))
                .isEqualTo("rw-------");
    }

    @Test
    void leavesNoTemporaryFileAfterACommit() throws IOException {
        backend.write(key("committed"), new ByteArrayInputStream(new byte[] {1}));

        try (Stream<Path> files =
                Files.list(backend.root().resolve(key("committed")).getParent())) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("committed");
        }
    }

    @Test
    void refusesToDiscardAFileThatIsNotATemporary() throws IOException {
        backend.write(key("kept"), new ByteArrayInputStream(new byte[] {1}));
        String handle =
                backend.root().relativize(backend.root().resolve(key("kept"))).toString();

        assertThatThrownBy(() -> backend.discard(new ContentBackend.Temporary(key("kept"), handle, Instant.now())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(backend.exists(key("kept"))).isTrue();
    }
}
