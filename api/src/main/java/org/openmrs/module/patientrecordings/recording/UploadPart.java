/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.RecordingId;

/**
 * One committed chunk of a recording's upload in progress: stored (encrypted) on its own under {@code key}. When the
 * chunk that completes the upload arrives, the parts as stored are the recording's content ({@link
 * UploadProgress#complete}); a content of one part is the part itself. The digests are those of the chunk's
 * plaintext: when the digests of the whole content must be computed from the parts, each part is read verified
 * against its SHA-256 (SAF-1).
 *
 * @param recording the recording the content is for
 * @param start the offset of the chunk's first byte in the content
 * @param size plaintext bytes
 * @param contentType the media type of the content, the same for every part
 * @param key the content store's key of the stored chunk
 * @param sha256 of the chunk's plaintext, lower-case hex
 * @param sha1 of the chunk's plaintext, lower-case hex
 */
public record UploadPart(
        RecordingId recording, long start, long size, String contentType, String key, String sha256, String sha1) {

    public UploadPart {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(sha1, "sha1");
        if (start < 0 || size < 0) {
            throw new IllegalArgumentException("a part needs a start and a size of 0 or more");
        }
    }

    /** @return the offset of the first byte after this part */
    public long end() {
        return start + size;
    }
}
