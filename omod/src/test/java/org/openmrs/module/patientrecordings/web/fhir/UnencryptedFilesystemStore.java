/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.openmrs.module.patientrecordings.storage.filesystem.FilesystemContentBackend;

/**
 * A test {@link ContentStore} over the real filesystem backend (temporary object, fsync, atomic rename), without
 * encryption: the encrypted store is built on another branch and adapts to this interface in the host.
 */
final class UnencryptedFilesystemStore implements ContentStore {

    private final FilesystemContentBackend backend;

    UnencryptedFilesystemStore(Path root) throws IOException {
        this.backend = new FilesystemContentBackend(root);
    }

    @Override
    public Stored write(InputStream plaintext) throws IOException {
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest sha1 = digest("SHA-1");
        String key = "recordings/" + UUID.randomUUID();
        long size = backend.write(key, new DigestInputStream(new DigestInputStream(plaintext, sha256), sha1));
        return new Stored(
                key,
                size,
                HexFormat.of().formatHex(sha256.digest()),
                HexFormat.of().formatHex(sha1.digest()));
    }

    @Override
    public InputStream open(String key, String expectedSha256) throws IOException {
        return Channels.newInputStream(backend.openForRead(key));
    }

    @Override
    public InputStream openRange(String key, long offset, long length) throws IOException {
        SeekableByteChannel channel = backend.openForRead(key);
        channel.position(offset);
        return new java.io.FilterInputStream(Channels.newInputStream(channel)) {
            private long left = length;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                left -= Math.max(n, 0);
                return n;
            }
        };
    }

    @Override
    public void delete(String key) throws IOException {
        backend.delete(key);
    }

    long committedObjects() throws IOException {
        try (var entries = backend.list("")) {
            return entries.filter(e -> e instanceof org.openmrs.module.patientrecordings.port.ContentBackend.Committed)
                    .count();
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
