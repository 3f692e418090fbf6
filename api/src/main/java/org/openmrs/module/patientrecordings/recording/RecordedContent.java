/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.Objects;

/**
 * The stored content of a recording: where the encrypted bytes are and what the plaintext was.
 *
 * @param key the opaque content-store key; contains no patient data
 * @param contentType the MIME type, e.g. {@code audio/webm}
 * @param size the plaintext size in bytes
 * @param sha256 lower-case hex SHA-256 of the plaintext, checked on every read (SAF-1)
 * @param sha1 lower-case hex SHA-1 of the plaintext, because FHIR R4 {@code Attachment.hash} is SHA-1
 */
public record RecordedContent(String key, String contentType, long size, String sha256, String sha1) {

    public RecordedContent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("size cannot be negative");
        }
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(sha1, "sha1");
    }
}
