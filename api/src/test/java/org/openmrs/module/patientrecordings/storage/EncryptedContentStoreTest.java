/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.FIRST_SEGMENT_PLAINTEXT;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.SEGMENT_PLAINTEXT;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.randomBytes;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.sha1;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.sha256;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("SAF-1: content is encrypted at rest and its integrity checked on read")
class EncryptedContentStoreTest {

    private static final int TWO_SEGMENTS = FIRST_SEGMENT_PLAINTEXT + SEGMENT_PLAINTEXT;

    @TempDir
    Path directory;

    private StoreFixture fixture;

    @BeforeEach
    void createStore() throws IOException {
        fixture = StoreFixture.in(directory);
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                0,
                1,
                FIRST_SEGMENT_PLAINTEXT - 1,
                FIRST_SEGMENT_PLAINTEXT,
                FIRST_SEGMENT_PLAINTEXT + 1,
                TWO_SEGMENTS,
                TWO_SEGMENTS + 1,
                3 * SEGMENT_PLAINTEXT + 12_345
            })
    void readsBackExactlyWhatWasWrittenWithItsSizeAndHashes(int size) throws IOException {
        byte[] plaintext = randomBytes(size, size);

        StoredContent stored = fixture.write(plaintext);

        assertThat(stored.size()).isEqualTo(size);
        assertThat(stored.sha256()).isEqualTo(sha256(plaintext));
        assertThat(stored.sha1()).isEqualTo(sha1(plaintext));
        assertThat(fixture.readAll(stored)).isEqualTo(plaintext);
        try (SeekableByteChannel channel = fixture.store.openSeekable(stored.key())) {
            assertThat(channel.size()).isEqualTo(size);
        }
    }

    @Test
    @DisplayName("SAF-1: only ciphertext is kept at rest")
    void keepsOnlyCiphertextAtRest() throws IOException {
        byte[] plaintext = new byte[100_000];
        Arrays.fill(plaintext, (byte) 'A');

        StoredContent stored = fixture.write(plaintext);

        byte[] atRest = Files.readAllBytes(fixture.ciphertextFile(stored.key()));
        assertThat(atRest).hasSize(plaintext.length + 40 + 16);
        assertThat(new String(atRest, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("AAAAAAAA");
    }

    @Test
    @DisplayName("SAF-1: the same plaintext is encrypted differently each time")
    void encryptsTheSamePlaintextDifferentlyEachTime() throws IOException {
        byte[] plaintext = randomBytes(1000, 1);

        StoredContent first = fixture.write(plaintext);
        StoredContent second = fixture.write(plaintext);

        assertThat(first.key()).isNotEqualTo(second.key());
        assertThat(Files.readAllBytes(fixture.ciphertextFile(first.key())))
                .isNotEqualTo(Files.readAllBytes(fixture.ciphertextFile(second.key())));
    }

    @Test
    void makesRandomKeysUnderTheStorePrefix() throws IOException {
        StoredContent stored = fixture.write(new byte[] {1});

        assertThat(stored.key()).matches("recordings/[0-9a-f]{2}/[0-9a-f-]{36}");
        assertThat(stored.key().substring(11, 13)).isEqualTo(stored.key().substring(14, 16));
    }

    @Test
    void givesTheSha1InBase64ForFhir() throws IOException {
        byte[] plaintext = randomBytes(10, 3);

        StoredContent stored = fixture.write(plaintext);

        assertThat(stored.sha1Base64())
                .isEqualTo(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha1(plaintext))));
    }

    @Test
    void readsRangesAcrossSegmentEdges() throws IOException {
        byte[] plaintext = randomBytes(TWO_SEGMENTS + 5000, 11);
        StoredContent stored = fixture.write(plaintext);

        int[][] ranges = {
            {0, 1},
            {0, FIRST_SEGMENT_PLAINTEXT},
            {FIRST_SEGMENT_PLAINTEXT - 1, 2},
            {FIRST_SEGMENT_PLAINTEXT, 1},
            {FIRST_SEGMENT_PLAINTEXT, SEGMENT_PLAINTEXT},
            {TWO_SEGMENTS - 3, 6},
            {TWO_SEGMENTS, 5000},
            {plaintext.length - 1, 1},
            {plaintext.length, 0},
            {10, plaintext.length - 10}
        };
        for (int[] range : ranges) {
            assertThat(fixture.readRange(stored.key(), range[0], range[1]))
                    .as("range %d+%d", range[0], range[1])
                    .isEqualTo(Arrays.copyOfRange(plaintext, range[0], range[0] + range[1]));
        }
    }

    @Test
    void readsThroughABackendWhoseChannelsReturnShortReads() throws IOException {
        byte[] plaintext = randomBytes(TWO_SEGMENTS + 10, 6);
        StoredContent stored = fixture.write(plaintext);
        EncryptedContentStore store = new EncryptedContentStore(
                new ShortReadsBackend(fixture.backend), fixture.keyring, ContentIntegrityListener.NONE);

        try (InputStream in = store.openStream(stored.key(), stored.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(plaintext);
        }
        try (InputStream in = store.openRange(stored.key(), FIRST_SEGMENT_PLAINTEXT - 5, 10)) {
            assertThat(in.readAllBytes())
                    .isEqualTo(Arrays.copyOfRange(plaintext, FIRST_SEGMENT_PLAINTEXT - 5, FIRST_SEGMENT_PLAINTEXT + 5));
        }
    }

    @Test
    void refusesARangeOutsideTheContent() throws IOException {
        StoredContent stored = fixture.write(new byte[10]);

        assertThatThrownBy(() -> fixture.store.openRange(stored.key(), 5, 6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fixture.store.openRange(stored.key(), -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seeksBackwardsAndForwardsInTheSeekableChannel() throws IOException {
        byte[] plaintext = randomBytes(TWO_SEGMENTS + 100, 5);
        StoredContent stored = fixture.write(plaintext);

        try (SeekableByteChannel channel = fixture.store.openSeekable(stored.key())) {
            for (int position : new int[] {TWO_SEGMENTS + 10, 3, FIRST_SEGMENT_PLAINTEXT + 7, 0}) {
                ByteBuffer buffer = ByteBuffer.allocate(50);
                channel.position(position);
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // fill
                }
                assertThat(buffer.array()).isEqualTo(Arrays.copyOfRange(plaintext, position, position + 50));
            }
        }
    }

    @Test
    void reportsMissingContentAsNoSuchFile() {
        assertThatThrownBy(() -> fixture.store.openStream("recordings/00/missing", sha256(new byte[0])))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(fixture.integrityFailures).isEmpty();
    }

    @Test
    @DisplayName("SAF-1: a full read whose hash differs from the recorded one fails")
    void failsAFullReadWhoseHashDiffersFromTheRecordedOne() throws IOException {
        byte[] plaintext = randomBytes(5000, 8);
        StoredContent stored = fixture.write(plaintext);
        String otherHash = sha256(new byte[] {1});

        try (InputStream in = fixture.store.openStream(stored.key(), otherHash)) {
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(ContentIntegrityException.class)
                    .hasMessageContaining(otherHash);
        }
        assertThat(fixture.integrityFailures)
                .singleElement()
                .satisfies(failure -> assertThat(failure.key()).isEqualTo(stored.key()));
    }

    @Test
    void acceptsAnUploadThatMatchesWhatTheClientDeclared() throws IOException {
        byte[] plaintext = randomBytes(3000, 9);
        UploadLimits limits =
                UploadLimits.none().withMaxSize(3000).withExpectedSize(3000).withExpectedSha256(sha256(plaintext));

        StoredContent stored = fixture.store.write(new ByteArrayInputStream(plaintext), limits);

        assertThat(fixture.readAll(stored)).isEqualTo(plaintext);
    }

    @Test
    void rejectsAnOversizedUploadAndLeavesNothingBehind() {
        byte[] plaintext = randomBytes(FIRST_SEGMENT_PLAINTEXT * 2, 10);

        assertThatThrownBy(() -> fixture.store.write(
                        new ByteArrayInputStream(plaintext), UploadLimits.none().withMaxSize(1_500_000)))
                .isInstanceOfSatisfying(
                        ContentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ContentRejectedException.Reason.TOO_LARGE));

        assertThatNothingIsStored();
    }

    @Test
    void rejectsADeclaredSizeAboveTheMaximumBeforeReadingAnything() {
        InputStream neverRead = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the upload was read");
            }
        };

        assertThatThrownBy(() -> fixture.store.write(
                        neverRead, UploadLimits.none().withMaxSize(10).withExpectedSize(11)))
                .isInstanceOfSatisfying(
                        ContentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ContentRejectedException.Reason.TOO_LARGE));
    }

    @Test
    void rejectsATruncatedUploadAndLeavesNothingBehind() {
        byte[] plaintext = randomBytes(2 * SEGMENT_PLAINTEXT, 12);

        assertThatThrownBy(() -> fixture.store.write(
                        new ByteArrayInputStream(plaintext),
                        UploadLimits.none().withExpectedSize(plaintext.length + 1)))
                .isInstanceOfSatisfying(
                        ContentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ContentRejectedException.Reason.TRUNCATED));

        assertThatNothingIsStored();
    }

    @Test
    void rejectsAnUploadLongerThanDeclaredAndLeavesNothingBehind() {
        byte[] plaintext = randomBytes(1000, 13);

        assertThatThrownBy(() -> fixture.store.write(
                        new ByteArrayInputStream(plaintext), UploadLimits.none().withExpectedSize(999)))
                .isInstanceOfSatisfying(
                        ContentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ContentRejectedException.Reason.LONGER_THAN_DECLARED));

        assertThatNothingIsStored();
    }

    @Test
    @DisplayName("SAF-1: an upload with another hash than declared is rejected and leaves nothing behind")
    void rejectsAnUploadWithAnotherHashThanDeclaredAndLeavesNothingBehind() {
        byte[] plaintext = randomBytes(1000, 14);

        assertThatThrownBy(() -> fixture.store.write(
                        new ByteArrayInputStream(plaintext),
                        UploadLimits.none().withExpectedSha256(sha256(new byte[] {1}))))
                .isInstanceOfSatisfying(
                        ContentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ContentRejectedException.Reason.HASH_MISMATCH));

        assertThatNothingIsStored();
    }

    @Test
    void leavesNothingBehindWhenTheUploadStreamFails() {
        IOException dropped = new IOException("connection reset");
        InputStream failing = new InputStream() {
            private long remaining = 3L * SEGMENT_PLAINTEXT;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                // Fails for good once the bytes are served (InputStream's default would swallow one failure).
                if (remaining == 0) {
                    throw dropped;
                }
                int n = (int) Math.min(len, remaining);
                Arrays.fill(b, off, off + n, (byte) 7);
                remaining -= n;
                return n;
            }
        };

        assertThatThrownBy(() -> fixture.store.write(failing, UploadLimits.none()))
                .isSameAs(dropped);

        assertThatNothingIsStored();
    }

    private void assertThatNothingIsStored() {
        try {
            assertThat(fixture.everythingStored()).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
