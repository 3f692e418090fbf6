/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.openmrs.module.patientrecordings.recording.RecordedContent;

/** Stored content as the content store reports it: a key and the plaintext's hashes. */
public final class Contents {

    private Contents() {}

    /** Content whose plaintext is {@code text}, stored under a fresh key. */
    public static RecordedContent contentOf(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new RecordedContent(
                "content/" + UUID.randomUUID(), "video/webm", bytes.length, hex("SHA-256", bytes), hex("SHA-1", bytes));
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
