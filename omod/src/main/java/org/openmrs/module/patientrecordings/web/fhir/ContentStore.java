/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * The content store as the FHIR server streams through it: the encrypted store of the api ({@code
 * storage.EncryptedContentStore}) in production, adapted by the host in a few lines. Everything streams: no call
 * holds a recording in memory.
 */
public interface ContentStore {

    /**
     * Reads {@code plaintext} to its end and commits it under a new key; nothing is committed when the stream throws
     * (an {@link IOException} from the stream propagates unchanged, which is how an upload is aborted).
     *
     * @return where it went and the digests of the plaintext
     */
    Stored write(InputStream plaintext) throws IOException;

    /**
     * One part of a content in parts ({@link #writeParts}): as {@link #write(InputStream)}, updating {@code digests}
     * (the whole content's, running on from part to part) with every byte of the plaintext. They are complete when this
     * returns; after a failure their state is undefined. The part has no digests of its own: its {@link Stored#sha256}
     * and {@link Stored#sha1} are null.
     */
    Stored writePart(InputStream plaintext, List<MessageDigest> digests) throws IOException;

    /**
     * Records a content made of stored objects, in order, without reading or writing their bytes again: the chunks
     * of a chunked upload, each as {@link #write} committed it. The content is read, whole or in ranges, through the
     * returned key as any other.
     *
     * @param parts the stored objects, in order, at least two
     * @param sha256 of the whole plaintext, lower-case hex
     * @param sha1 of the whole plaintext, lower-case hex
     * @return the content's key, its size and the digests given
     */
    Stored writeParts(List<Stored> parts, String sha256, String sha1) throws IOException;

    /** The whole plaintext, verified against {@code expectedSha256} (hex) as it is read (SAF-1). */
    InputStream open(String key, String expectedSha256) throws IOException;

    /** {@code length} bytes of plaintext from {@code offset}, decrypting only the segments they lie in. */
    InputStream openRange(String key, long offset, long length) throws IOException;

    /** Removes content that no committed recording refers to (a superseded upload chunk). Idempotent. */
    void delete(String key) throws IOException;

    /**
     * Committed content.
     *
     * @param key the store's key
     * @param size plaintext bytes
     * @param sha256 lower-case hex; null for a part without digests of its own ({@link #writePart})
     * @param sha1 lower-case hex; null for a part without digests of its own
     */
    record Stored(String key, long size, String sha256, String sha1) {}
}
