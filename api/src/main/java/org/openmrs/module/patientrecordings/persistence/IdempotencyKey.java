/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What makes two create requests the same request: a client's idempotency key or a conditional create's search
 * ({@code If-None-Exist}), within a scope such as a resource type.
 *
 * @param scope lower-case letters, digits, dots, dashes and underscores, starting with a letter, at most 64; for
 *     example {@code media}
 * @param value 1 to {@value #MAX_VALUE} characters; longer texts go through {@link #hashed(String, String)}
 */
public record IdempotencyKey(String scope, String value) {

    public static final int MAX_VALUE = 255;

    private static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    public IdempotencyKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
        if (!SCOPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("idempotency scope must match " + SCOPE.pattern());
        }
        if (value.isEmpty() || value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("idempotency key must be 1 to " + MAX_VALUE + " characters");
        }
    }

    /** A key of any length, stored as {@code sha256:} and the SHA-256 of its UTF-8 bytes in hex. */
    public static IdempotencyKey hashed(String scope, String text) {
        Objects.requireNonNull(text, "text");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return new IdempotencyKey(scope, "sha256:" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
