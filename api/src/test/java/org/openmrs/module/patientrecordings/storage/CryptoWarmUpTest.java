/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CryptoWarmUpTest {

    @Test
    void encryptsDecryptsAndHashesWholeRoundsOfThrowawayDataUnchanged() throws Exception {
        assertThat(CryptoWarmUp.run(1)).isEqualTo(4L * 1024 * 1024);
        assertThat(CryptoWarmUp.run(9L * 1024 * 1024)).isEqualTo(12L * 1024 * 1024);
    }

    @Test
    void theBackgroundWarmUpEndsOnItsOwnAndSaysHowItEnded() throws Exception {
        AtomicLong warmed = new AtomicLong(-1);
        AtomicReference<Exception> failed = new AtomicReference<>();
        Thread warmUp = CryptoWarmUp.startInBackground(4L * 1024 * 1024, new CryptoWarmUp.Outcome() {
            @Override
            public void warmed(long bytes, Duration took) {
                warmed.set(bytes);
            }

            @Override
            public void failed(Exception cause) {
                failed.set(cause);
            }
        });

        assertThat(warmUp.isDaemon()).isTrue();
        warmUp.join(120_000);
        assertThat(warmUp.isAlive()).isFalse();
        assertThat(failed.get()).isNull();
        assertThat(warmed.get()).isEqualTo(4L * 1024 * 1024);
    }
}
