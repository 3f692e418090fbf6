/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void aLongConditionalCreateSearchIsStoredAsItsHash() {
        String search = "patient=" + "p".repeat(1000);

        IdempotencyKey key = IdempotencyKey.hashed("media", search);

        assertThat(key.value()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(IdempotencyKey.hashed("media", search)).isEqualTo(key);
        assertThat(IdempotencyKey.hashed("media", search + "x")).isNotEqualTo(key);
    }

    @Test
    void aKeyLongerThanItsColumnOrAMalformedScopeIsRefused() {
        assertThatThrownBy(() -> new IdempotencyKey("media", "k".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdempotencyKey("Media Type", "k")).isInstanceOf(IllegalArgumentException.class);
    }
}
