/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.storage.ContentIntegrityException;
import org.openmrs.module.patientrecordings.storage.ContentKeyring;
import org.openmrs.module.patientrecordings.storage.EncryptedContentStore;
import org.openmrs.module.patientrecordings.storage.MasterKeyFile;
import org.openmrs.module.patientrecordings.storage.filesystem.FilesystemContentBackend;

/**
 * The server's content store as a host builds it: the encrypted store over the real filesystem backend (temporary
 * object, fsync, atomic rename), with a master key file of its own. Lets tests count what is committed.
 */
final class FilesystemTestStore implements ContentStore {

    private final FilesystemContentBackend backend;
    private final EncryptedContent content;
    final List<ContentIntegrityException> integrityFailures = new ArrayList<>();
    private volatile IOException writeFault;
    private volatile IOException readFault;

    FilesystemTestStore(Path root) throws IOException {
        Path keys = root.resolve("keys");
        Files.createDirectories(keys);
        this.backend = new FilesystemContentBackend(root.resolve("objects"));
        MasterKeyFile master = MasterKeyFile.initialise(keys.resolve("master.key"));
        ContentKeyring keyring = ContentKeyring.open(keys.resolve("keyset.json"), master);
        this.content =
                new EncryptedContent(new EncryptedContentStore(backend, keyring, integrityFailures::add), backend);
    }

    @Override
    public Stored write(InputStream plaintext) throws IOException {
        return content.write(faultyWhenAsked(plaintext));
    }

    @Override
    public Stored writePart(InputStream plaintext, List<MessageDigest> digests) throws IOException {
        return content.writePart(faultyWhenAsked(plaintext), digests);
    }

    /** The plaintext as the store reads it: once a write fault is set, the store fails part-way, after it began. */
    private InputStream faultyWhenAsked(InputStream plaintext) {
        IOException fault = writeFault;
        if (fault == null) {
            return plaintext;
        }
        return new FilterInputStream(plaintext) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read >= 8) {
                    throw fault;
                }
                int n = super.read(b, off, (int) Math.min(len, 8 - read));
                read += Math.max(n, 0);
                return n;
            }
        };
    }

    @Override
    public Stored writeParts(List<Stored> parts, String sha256, String sha1) throws IOException {
        IOException fault = writeFault;
        if (fault != null) {
            throw fault;
        }
        return content.writeParts(parts, sha256, sha1);
    }

    /** From now on every write fails part-way with {@code fault}, as a full disk or an unreachable store does. */
    void failWritesWith(IOException fault) {
        this.writeFault = fault;
    }

    /** From now on opening content fails with {@code fault}, as a store that does not answer does. */
    void failReadsWith(IOException fault) {
        this.readFault = fault;
    }

    /** Writes and reads work again. */
    void heal() {
        this.writeFault = null;
        this.readFault = null;
    }

    private void failReading() throws IOException {
        IOException fault = readFault;
        if (fault != null) {
            throw fault;
        }
    }

    long temporaryObjects() throws IOException {
        try (var entries = backend.list("")) {
            return entries.filter(e -> e instanceof ContentBackend.Temporary).count();
        }
    }

    @Override
    public InputStream open(String key, String expectedSha256) throws IOException {
        failReading();
        return content.open(key, expectedSha256);
    }

    @Override
    public InputStream openRange(String key, long offset, long length) throws IOException {
        failReading();
        return content.openRange(key, offset, length);
    }

    @Override
    public void delete(String key) throws IOException {
        content.delete(key);
    }

    long committedObjects() throws IOException {
        try (var entries = backend.list("")) {
            return entries.filter(e -> e instanceof ContentBackend.Committed).count();
        }
    }
}
