/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackgroundDigestsTest {

    @Test
    void givesTheSameSha256AndSha1AsHashingInLineWhateverTheBlocks() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        BackgroundDigests digests = new BackgroundDigests();
        Random sizes = new Random(11);
        for (int off = 0; off < content.length; ) {
            int len = Math.min(content.length - off, 1 + sizes.nextInt(300_000));
            digests.update(content, off, len);
            off += len;
        }

        byte[][] both = digests.finish();

        assertThat(both[0]).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(both[1]).isEqualTo(MessageDigest.getInstance("SHA-1").digest(content));
        assertThat(digests.finish()[0]).as("asked again").isEqualTo(both[0]);
        assertThat(digests.hashing()).isFalse();
    }

    @Test
    void digestsAlongsideSeeEveryByteOnceTheHashingEnds() throws Exception {
        byte[] before = "the chunks before this one".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[BackgroundDigests.BLOCKS * BackgroundDigests.BLOCK_SIZE * 2 + 5];
        new Random(3).nextBytes(content);
        MessageDigest running = MessageDigest.getInstance("SHA-256");
        running.update(before);
        BackgroundDigests digests = new BackgroundDigests(List.of(running));
        for (int off = 0; off < content.length; off += 10_000) {
            digests.update(content, off, Math.min(10_000, content.length - off));
        }

        digests.finish();

        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        expected.update(before);
        expected.update(content);
        assertThat(running.digest()).isEqualTo(expected.digest());
    }

    @Test
    void anEmptyStreamHasTheDigestsOfNothing() throws Exception {
        byte[][] both = new BackgroundDigests().finish();

        assertThat(both[0]).isEqualTo(MessageDigest.getInstance("SHA-256").digest());
        assertThat(both[1]).isEqualTo(MessageDigest.getInstance("SHA-1").digest());
    }

    @Test
    void anAbandonedUploadEndsTheHashingThreadAndHasNoDigests() throws Exception {
        BackgroundDigests digests = new BackgroundDigests();
        digests.update(new byte[1000], 0, 1000);

        digests.abandon();

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (digests.hashing() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(digests.hashing()).isFalse();
        assertThatThrownBy(() -> digests.update(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(digests::finish).isInstanceOf(IllegalStateException.class);
    }
}
