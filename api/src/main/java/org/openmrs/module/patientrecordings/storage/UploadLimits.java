/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an upload must satisfy to be committed (SAF-4). A write that breaks a limit fails with a
 * {@link ContentRejectedException} and leaves nothing behind.
 *
 * @param maxSize the largest plaintext accepted, in bytes ({@link Long#MAX_VALUE}: no limit)
 * @param expectedSize the plaintext length the client declared (e.g. {@code Content-Length}), if any
 * @param expectedSha256 the plaintext SHA-256 the client declared, lowercase hex, if any
 */
public record UploadLimits(long maxSize, OptionalLong expectedSize, Optional<String> expectedSha256) {

    private static final int SHA256_HEX_LENGTH = 64;

    public UploadLimits {
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxSize must not be negative: " + maxSize);
        }
        if (expectedSize.isPresent() && expectedSize.getAsLong() < 0) {
            throw new IllegalArgumentException("expectedSize must not be negative: " + expectedSize);
        }
        expectedSha256 = expectedSha256.map(UploadLimits::normaliseSha256);
    }

    /** No limit and nothing declared. */
    public static UploadLimits none() {
        return new UploadLimits(Long.MAX_VALUE, OptionalLong.empty(), Optional.empty());
    }

    /** These limits with the largest accepted plaintext set to {@code bytes}. */
    public UploadLimits withMaxSize(long bytes) {
        return new UploadLimits(bytes, expectedSize, expectedSha256);
    }

    /** These limits with the declared plaintext length set to {@code bytes}. */
    public UploadLimits withExpectedSize(long bytes) {
        return new UploadLimits(maxSize, OptionalLong.of(bytes), expectedSha256);
    }

    /** These limits with the declared plaintext SHA-256 set to {@code hex}. */
    public UploadLimits withExpectedSha256(String hex) {
        return new UploadLimits(maxSize, expectedSize, Optional.of(hex));
    }

    private static String normaliseSha256(String hex) {
        String lower = hex.toLowerCase(Locale.ROOT);
        if (lower.length() != SHA256_HEX_LENGTH || !lower.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("Not a SHA-256 in hex: '" + hex + "'");
        }
        return lower;
    }
}
