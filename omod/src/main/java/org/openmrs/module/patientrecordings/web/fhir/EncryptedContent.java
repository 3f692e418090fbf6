/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.storage.ContentPart;
import org.openmrs.module.patientrecordings.storage.EncryptedContentStore;
import org.openmrs.module.patientrecordings.storage.StoredContent;
import org.openmrs.module.patientrecordings.storage.UploadLimits;

/**
 * The FHIR server's content store over the api's encrypted store: content is encrypted at rest with authenticated
 * segments and checked on every read (SAF-1). Upload limits are enforced by the web layer as the bytes arrive.
 */
public final class EncryptedContent implements ContentStore {

    private final EncryptedContentStore store;
    private final ContentBackend backend;

    /**
     * @param store the encrypted store
     * @param backend the backend under it, for removing superseded upload chunks
     */
    public EncryptedContent(EncryptedContentStore store, ContentBackend backend) {
        this.store = Objects.requireNonNull(store, "store");
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    @Override
    public Stored write(InputStream plaintext) throws IOException {
        StoredContent stored = store.write(plaintext, UploadLimits.none());
        return new Stored(stored.key(), stored.size(), stored.sha256(), stored.sha1());
    }

    @Override
    public Stored writePart(InputStream plaintext, List<MessageDigest> digests) throws IOException {
        ContentPart part = store.writePart(plaintext, UploadLimits.none(), digests);
        return new Stored(part.key(), part.size(), null, null);
    }

    @Override
    public Stored writeParts(List<Stored> parts, String sha256, String sha1) throws IOException {
        StoredContent stored = store.writeParts(
                parts.stream().map(p -> new ContentPart(p.key(), p.size())).toList(), sha256, sha1);
        return new Stored(stored.key(), stored.size(), stored.sha256(), stored.sha1());
    }

    @Override
    public InputStream open(String key, String expectedSha256) throws IOException {
        return store.openStream(key, expectedSha256);
    }

    @Override
    public InputStream openRange(String key, long offset, long length) throws IOException {
        return store.openRange(key, offset, length);
    }

    @Override
    public void delete(String key) throws IOException {
        backend.delete(key);
    }
}
