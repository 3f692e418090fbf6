/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
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
