/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoundedUploadTest {

    /** A client that sends {@code perRead} bytes each time, taking {@code each} to do so, on a clock of its own. */
    private static final class PacedClient extends InputStream {
        private final ByteArrayInputStream bytes;
        private final int perRead;
        private final long eachNanos;
        long now;

        PacedClient(int size, int perRead, Duration each) {
            this.bytes = new ByteArrayInputStream(new byte[size]);
            this.perRead = perRead;
            this.eachNanos = each.toNanos();
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            now += eachNanos;
            return bytes.read(b, off, Math.min(len, perRead));
        }
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0; ) {
            total += n;
        }
        return total;
    }

    @Test
    void aSlowLorisIsCutOffOnceItsGraceIsSpentSaf4() {
        PacedClient loris = new PacedClient(100_000, 1, Duration.ofSeconds(5));
        BoundedUpload upload = new BoundedUpload(loris, 100_000, 1 << 20, () -> loris.now);

        assertThatThrownBy(() -> drain(upload))
                .isInstanceOf(BoundedUpload.Rejected.class)
                .hasMessageStartingWith("The upload arrived too slowly: 3 bytes in 15 s");
        assertThat(loris.now).isLessThanOrEqualTo(Duration.ofSeconds(15).toNanos());
    }

    @Test
    void aSlowButSteadyNetworkAndAShortStallAreAccepted() throws IOException {
        PacedClient mobile = new PacedClient(200_000, 4096, Duration.ofMillis(500));
        assertThat(drain(new BoundedUpload(mobile, 200_000, 1 << 20, () -> mobile.now)))
                .as("8 KiB a second for 25 s")
                .isEqualTo(200_000);

        PacedClient stalled = new PacedClient(10, 10, Duration.ofSeconds(9));
        assertThat(drain(new BoundedUpload(stalled, 10, 1 << 20, () -> stalled.now)))
                .as("a small body after a stall within the grace")
                .isEqualTo(10);
    }

    @Test
    void moreThanAnnouncedAndAnEarlyEndAreRefused() {
        assertThatThrownBy(() -> drain(new BoundedUpload(new ByteArrayInputStream(new byte[20]), 10, 100)))
                .isInstanceOf(BoundedUpload.Rejected.class)
                .hasMessage("More bytes than announced (10)");
        assertThatThrownBy(() -> drain(new BoundedUpload(new ByteArrayInputStream(new byte[5]), 10, 100)))
                .isInstanceOf(BoundedUpload.Rejected.class)
                .hasMessage("Truncated upload: 5 of 10 bytes arrived");
    }
}
