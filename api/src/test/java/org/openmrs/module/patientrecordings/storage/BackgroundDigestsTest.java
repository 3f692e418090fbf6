/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class BackgroundDigestsTest {

    @Test
    void givesTheSameSha256AndSha1AsHashingInLineWhateverTheBlocks() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        BackgroundDigests digests = new BackgroundDigests(List.of(sha256, sha1));
        Random sizes = new Random(11);
        for (int off = 0; off < content.length; ) {
            int len = Math.min(content.length - off, 1 + sizes.nextInt(300_000));
            digests.update(content, off, len);
            off += len;
        }

        digests.finish();
        digests.finish();

        assertThat(sha256.digest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(sha1.digest()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(content));
        assertThat(digests.hashing()).isFalse();
    }

    @Test
    void aDigestRunningOnFromEarlierBytesSeesEveryByteOnceTheHashingEnds() throws Exception {
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
    void digestsSharedBetweenTheHashingThreadsEachSeeEveryByteInOrder() throws Exception {
        byte[] content = new byte[BackgroundDigests.BLOCKS * BackgroundDigests.BLOCK_SIZE * 3 + 101];
        new Random(5).nextBytes(content);
        List<String> algorithms = List.of("SHA-256", "SHA-1", "SHA-512", "MD5", "SHA-384");
        List<MessageDigest> digests = new java.util.ArrayList<>();
        for (String algorithm : algorithms) {
            digests.add(MessageDigest.getInstance(algorithm));
        }
        BackgroundDigests background = new BackgroundDigests(digests);
        for (int off = 0; off < content.length; off += 70_001) {
            background.update(content, off, Math.min(70_001, content.length - off));
        }

        background.finish();

        for (int i = 0; i < algorithms.size(); i++) {
            assertThat(digests.get(i).digest())
                    .as(algorithms.get(i))
                    .isEqualTo(MessageDigest.getInstance(algorithms.get(i)).digest(content));
        }
        assertThat(background.hashing()).isFalse();
    }

    @Test
    void anEmptyStreamHasTheDigestsOfNothing() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        new BackgroundDigests(List.of(sha256)).finish();

        assertThat(sha256.digest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest());
    }

    @Test
    void streamsOneAfterAnotherShareTheHashingThreads() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 20; i++) {
            MessageDigest recordingThread = new MessageDigest("thread") {
                @Override
                protected void engineUpdate(byte input) {
                    threads.add(Thread.currentThread().getName());
                }

                @Override
                protected void engineUpdate(byte[] input, int offset, int len) {
                    threads.add(Thread.currentThread().getName());
                }

                @Override
                protected byte[] engineDigest() {
                    return new byte[0];
                }

                @Override
                protected void engineReset() {}
            };
            BackgroundDigests digests = new BackgroundDigests(List.of(recordingThread));
            digests.update(new byte[10], 0, 10);
            digests.finish();
            // Time for the thread to go back to the pool once its stream's digests are handed over.
            Thread.sleep(20);
        }

        assertThat(threads).hasSize(1).allSatisfy(name -> assertThat(name).startsWith("patientrecordings-digests-"));
    }

    @Test
    void atLeastOneDigestIsComputed() {
        assertThatThrownBy(() -> new BackgroundDigests(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAbandonedUploadEndsTheHashingThreadAndHasNoDigests() throws Exception {
        BackgroundDigests digests = new BackgroundDigests(List.of(MessageDigest.getInstance("SHA-256")));
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
