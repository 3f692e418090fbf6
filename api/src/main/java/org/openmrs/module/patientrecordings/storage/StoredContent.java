/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.openmrs.module.patientrecordings.port.ContentBackend;

/**
 * What a write committed: the content key and facts about the plaintext, for the recording's database row.
 *
 * @param key the content key, random, free of patient data
 * @param size the plaintext length in bytes
 * @param sha256 the plaintext SHA-256, lowercase hex (the integrity hash checked on full reads, SAF-1)
 * @param sha1 the plaintext SHA-1, lowercase hex (what FHIR R4 {@code Attachment.hash} carries)
 */
public record StoredContent(String key, long size, String sha256, String sha1) {

    public StoredContent {
        ContentBackend.requireValidKey(key);
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(sha1, "sha1");
    }

    /** The SHA-1 in base64, as FHIR R4 {@code Attachment.hash} wants it. */
    public String sha1Base64() {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha1));
    }
}
