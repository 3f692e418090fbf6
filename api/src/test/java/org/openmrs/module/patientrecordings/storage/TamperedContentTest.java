/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.FIRST_SEGMENT_PLAINTEXT;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.SEGMENT_CIPHERTEXT;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.SEGMENT_PLAINTEXT;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.randomBytes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SAF-1: content changed at rest is never served; the read fails clearly and the failure is reported. */
@DisplayName("SAF-1: tampered content is never served")
class TamperedContentTest {

    /** Four segments: three full ones and a short last one. */
    private static final int SIZE = FIRST_SEGMENT_PLAINTEXT + 2 * SEGMENT_PLAINTEXT + 1000;

    /** Ciphertext offset of the last segment. */
    private static final long LAST_SEGMENT = 3L * SEGMENT_CIPHERTEXT;

    @TempDir
    Path directory;

    private StoreFixture fixture;
    private byte[] plaintext;
    private StoredContent stored;

    @BeforeEach
    void storeFourSegments() throws IOException {
        fixture = StoreFixture.in(directory);
        plaintext = randomBytes(SIZE, 42);
        stored = fixture.write(plaintext);
    }

    @ParameterizedTest(name = "bit flipped at ciphertext offset {0}")
    @ValueSource(longs = {0, 1, 20, 39, 40, SEGMENT_CIPHERTEXT + 5, 2L * SEGMENT_CIPHERTEXT - 1, LAST_SEGMENT + 3})
    void refusesContentWithAFlippedBit(long offset) throws IOException {
        flipBit(offset);

        assertFullReadFailsWithoutWrongBytes();
    }

    @Test
    void refusesContentWhoseLastSegmentIsCutShort() throws IOException {
        truncateCiphertextTo(Files.size(ciphertext()) - 7);

        assertFullReadFailsWithoutWrongBytes();
    }

    @Test
    void refusesContentWhoseLastSegmentIsMissing() throws IOException {
        truncateCiphertextTo(LAST_SEGMENT);

        assertFullReadFailsWithoutWrongBytes();
    }

    @Test
    void refusesContentWithBytesAppended() throws IOException {
        Files.write(ciphertext(), new byte[] {0, 1, 2}, StandardOpenOption.APPEND);

        assertFullReadFailsWithoutWrongBytes();
    }

    @Test
    void refusesCiphertextsSwappedBetweenKeys() throws IOException {
        StoredContent other = fixture.write(randomBytes(SIZE, 43));
        Path swap = directory.resolve("swap");
        Files.move(ciphertext(), swap);
        Files.move(fixture.ciphertextFile(other.key()), ciphertext());
        Files.move(swap, fixture.ciphertextFile(other.key()));

        assertFullReadFailsWithoutWrongBytes();
        Throwable otherFailure = catchThrowable(() -> fixture.readAll(other));
        assertThat(otherFailure).isInstanceOf(ContentIntegrityException.class);
    }

    @Test
    void refusesCiphertextCopiedUnderAnotherKey() throws IOException {
        StoredContent other = fixture.write(randomBytes(SIZE, 44));
        Files.copy(fixture.ciphertextFile(other.key()), ciphertext(), StandardCopyOption.REPLACE_EXISTING);

        assertFullReadFailsWithoutWrongBytes();
    }

    @Test
    void refusesARangeInATamperedSegmentButServesUntouchedSegments() throws IOException {
        flipBit(2L * SEGMENT_CIPHERTEXT + 100);
        int inTamperedSegment = FIRST_SEGMENT_PLAINTEXT + SEGMENT_PLAINTEXT + 10;

        Throwable failure = catchThrowable(() -> fixture.readRange(stored.key(), inTamperedSegment, 10));

        assertThat(failure).isInstanceOf(ContentIntegrityException.class);
        assertThat(fixture.integrityFailures).hasSize(1);
        // Segments that authenticate are authentic: a range within them is served.
        assertThat(fixture.readRange(stored.key(), 5, 10)).isEqualTo(Arrays.copyOfRange(plaintext, 5, 15));
    }

    @Test
    void keepsFailingAfterTheFirstIntegrityFailure() throws IOException {
        flipBit(SEGMENT_CIPHERTEXT + 5);

        try (InputStream in = fixture.store.openStream(stored.key(), stored.sha256())) {
            in.readNBytes(FIRST_SEGMENT_PLAINTEXT);
            assertThat(catchThrowable(in::read)).isInstanceOf(ContentIntegrityException.class);
            assertThat(catchThrowable(in::read)).isInstanceOf(ContentIntegrityException.class);
        }
        assertThat(fixture.integrityFailures).hasSize(1);
    }

    @Test
    void reportsTheFailureEvenWhenTheListenerFails() throws IOException {
        flipBit(10);
        RuntimeException listenerFailure = new IllegalStateException("audit down");
        EncryptedContentStore store = new EncryptedContentStore(fixture.backend, fixture.keyring, failure -> {
            throw listenerFailure;
        });

        Throwable failure = catchThrowable(() -> store.openStream(stored.key(), stored.sha256()));

        assertThat(failure).isInstanceOf(ContentIntegrityException.class);
        assertThat(failure.getSuppressed()).containsExactly(listenerFailure);
    }

    /**
     * Reads everything it can: the read must end with a {@link ContentIntegrityException}, report it once, and what it
     * returned before must be a true prefix of the plaintext.
     */
    private void assertFullReadFailsWithoutWrongBytes() {
        ByteArrayOutputStream served = new ByteArrayOutputStream();
        Throwable failure = catchThrowable(() -> {
            try (InputStream in = fixture.store.openStream(stored.key(), stored.sha256())) {
                in.transferTo(served);
            }
        });

        assertThat(failure).isInstanceOf(ContentIntegrityException.class);
        assertThat(((ContentIntegrityException) failure).key()).isEqualTo(stored.key());
        assertThat(fixture.integrityFailures).first().isSameAs(failure);
        byte[] prefix = served.toByteArray();
        assertThat(prefix.length).isLessThan(plaintext.length);
        assertThat(prefix).isEqualTo(Arrays.copyOf(plaintext, prefix.length));
    }

    private Path ciphertext() {
        return fixture.ciphertextFile(stored.key());
    }

    private void flipBit(long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(ciphertext().toFile(), "rw")) {
            file.seek(offset);
            int b = file.read();
            file.seek(offset);
            file.write(b ^ 0x10);
        }
    }

    private void truncateCiphertextTo(long size) throws IOException {
        try (FileChannel channel = FileChannel.open(ciphertext(), StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
