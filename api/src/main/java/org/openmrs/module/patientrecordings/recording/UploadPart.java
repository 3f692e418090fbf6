/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.RecordingId;

/**
 * One committed chunk of a recording's upload in progress: stored (encrypted) on its own under {@code key}. When the
 * chunk that completes the upload arrives, the parts as stored are the recording's content ({@link
 * UploadProgress#complete}); a content of one part is the part itself. The digests are those of the chunk's
 * plaintext, when it has them: a chunk whose bytes went into the server's digests of the whole content, carried from
 * chunk to chunk, has none. When the digests of the whole content must be computed from the parts, each part is read
 * authenticated, segment by segment, and checked against its SHA-256 when it has one (SAF-1).
 *
 * @param recording the recording the content is for
 * @param start the offset of the chunk's first byte in the content
 * @param size plaintext bytes
 * @param contentType the media type of the content, the same for every part
 * @param key the content store's key of the stored chunk
 * @param sha256 of the chunk's plaintext, lower-case hex; null, with {@code sha1}, for a chunk without digests of its
 *     own
 * @param sha1 of the chunk's plaintext, lower-case hex; null exactly when {@code sha256} is
 */
public record UploadPart(
        RecordingId recording, long start, long size, String contentType, String key, String sha256, String sha1) {

    public UploadPart {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(key, "key");
        if ((sha256 == null) != (sha1 == null)) {
            throw new IllegalArgumentException("a part has both its digests or neither");
        }
        if (start < 0 || size < 0) {
            throw new IllegalArgumentException("a part needs a start and a size of 0 or more");
        }
    }

    /** Whether the part carries digests of its own. */
    public boolean hasDigests() {
        return sha256 != null;
    }

    /** @return the offset of the first byte after this part */
    public long end() {
        return start + size;
    }
}
