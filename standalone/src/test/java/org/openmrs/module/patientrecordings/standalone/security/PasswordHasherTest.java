/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void storesAnArgon2idHashNeverThePassword() {
        String hash = hasher.hash("Clinician123");

        assertThat(hash).startsWith("$argon2id$").doesNotContain("Clinician123");
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("Clinician123")).isNotEqualTo(hasher.hash("Clinician123"));
    }

    @Test
    void acceptsTheRightPasswordOnly() {
        String hash = hasher.hash("Clinician123");

        assertThat(hasher.matches("Clinician123", hash)).isTrue();
        assertThat(hasher.matches("clinician123", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
    }

    @Test
    void anUnknownUserNeverMatches() {
        assertThat(hasher.matches("no user has this password", null)).isFalse();
    }

    @Test
    void refusesAnEmptyPassword() {
        assertThatThrownBy(() -> hasher.hash("")).isInstanceOf(IllegalArgumentException.class);
    }
}
