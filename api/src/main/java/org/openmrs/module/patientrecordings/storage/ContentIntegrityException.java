/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.IOException;
import java.util.Objects;

/**
 * Stored content failed its integrity check: a segment did not authenticate, the ciphertext was cut short, belongs
 * to another key, or the plaintext hash differs from the recorded one (SAF-1). The read stops here; no unverified
 * byte has been or will be returned. An {@link IOException} so that it ends a streamed response as an error.
 */
public final class ContentIntegrityException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String key;

    ContentIntegrityException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The content key whose content failed the check. */
    public String key() {
        return key;
    }
}
