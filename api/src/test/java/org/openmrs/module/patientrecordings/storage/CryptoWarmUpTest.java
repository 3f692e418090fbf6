/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CryptoWarmUpTest {

    @Test
    void encryptsDecryptsAndHashesWholeRoundsOfThrowawayDataUnchanged() throws Exception {
        assertThat(CryptoWarmUp.run(1)).isEqualTo(4L * 1024 * 1024);
        assertThat(CryptoWarmUp.run(9L * 1024 * 1024)).isEqualTo(12L * 1024 * 1024);
    }

    @Test
    void theBackgroundWarmUpEndsOnItsOwn() throws Exception {
        Thread warmUp = CryptoWarmUp.startInBackground(4L * 1024 * 1024);

        assertThat(warmUp.isDaemon()).isTrue();
        warmUp.join(120_000);
        assertThat(warmUp.isAlive()).isFalse();
    }
}
