/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import java.util.Objects;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Password hashes with Argon2id (spring-security-crypto's current defaults: 16 MiB, 2 iterations, random salt),
 * stored in the encoded form {@code $argon2id$v=19$m=...$salt$hash} that carries its own parameters, so that
 * stronger defaults later still verify old hashes. Thread-safe. Not final, so that a test can count verifications.
 */
public class PasswordHasher {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    /** A hash of a password nobody has: verified against when a user name is unknown, so timing does not tell. */
    private final String decoy = encoder.encode("no user has this password");

    /**
     * @param password never null or empty
     * @return a new salted hash; two calls give different hashes
     */
    public String hash(String password) {
        if (Objects.requireNonNull(password, "password").isEmpty()) {
            throw new IllegalArgumentException("a password must not be empty");
        }
        return encoder.encode(password);
    }

    /**
     * @param password what the user typed; null never matches
     * @param hash a hash from {@link #hash}, or null for an unknown user (checked against a decoy, never matches)
     * @return whether the password matches
     */
    public boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        if (hash == null) {
            encoder.matches(password, decoy);
            return false;
        }
        return encoder.matches(password, hash);
    }
}
