/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.FIRST_SEGMENT_PLAINTEXT;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.randomBytes;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.sha1;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.sha256;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAF-1, SAF-4: a content stored in parts (the chunks of a chunked upload, each encrypted on its own) reads whole and
 * in ranges across the parts' boundaries, every segment of every part authenticated, and a tampered part ends the
 * read with an integrity failure, never with wrong bytes.
 */
@DisplayName("SAF-1: a content stored in parts")
class ContentInPartsTest {

    /** Sizes of the three parts: the first spans two segments, so that a part has a segment boundary inside. */
    private static final int[] SIZES = {FIRST_SEGMENT_PLAINTEXT + 5000, 1, 3 * 1000 + 7};

    @TempDir
    Path directory;

    private StoreFixture fixture;
    private byte[] plaintext;
    private List<StoredContent> parts;
    private StoredContent whole;

    @BeforeEach
    void storeThreeParts() throws IOException {
        fixture = StoreFixture.in(directory);
        plaintext = randomBytes(Arrays.stream(SIZES).sum(), 7);
        parts = new ArrayList<>();
        int from = 0;
        for (int size : SIZES) {
            parts.add(fixture.write(Arrays.copyOfRange(plaintext, from, from + size)));
            from += size;
        }
        whole = fixture.store.writeParts(
                parts.stream().map(p -> new ContentPart(p.key(), p.size())).toList(),
                sha256(plaintext),
                sha1(plaintext));
    }

    @Test
    void readsWholeAcrossItsPartsWithTheWholeDigests() throws IOException {
        assertThat(whole.key())
                .startsWith(EncryptedContentStore.KEY_PREFIX)
                .endsWith(EncryptedContentStore.PARTS_SUFFIX);
        assertThat(EncryptedContentStore.isStoredInParts(whole.key())).isTrue();
        assertThat(whole.size()).isEqualTo(plaintext.length);
        assertThat(whole.sha256()).isEqualTo(sha256(plaintext));

        assertThat(fixture.readAll(whole)).isEqualTo(plaintext);
        assertThat(fixture.store.parts(whole.key()))
                .extracting(ContentPart::key)
                .containsExactlyElementsOf(
                        parts.stream().map(StoredContent::key).toList());
        assertThat(fixture.store.objects(whole.key()))
                .containsExactly(
                        parts.get(0).key(), parts.get(1).key(), parts.get(2).key(), whole.key());
    }

    @Test
    void readsRangesThatSpanPartBoundaries() throws IOException {
        int firstEnd = SIZES[0];
        int[][] ranges = {
            {firstEnd - 10, 20}, // end of the first part, the one-byte part, start of the third
            {firstEnd, 1}, // the one-byte part alone
            {firstEnd - 1, 2},
            {0, plaintext.length},
            {FIRST_SEGMENT_PLAINTEXT - 3, 6}, // a segment boundary inside the first part
            {plaintext.length - 5, 5},
            {firstEnd + 1, plaintext.length - firstEnd - 1}
        };
        for (int[] range : ranges) {
            assertThat(fixture.readRange(whole.key(), range[0], range[1]))
                    .as("range %d+%d", range[0], range[1])
                    .isEqualTo(Arrays.copyOfRange(plaintext, range[0], range[0] + range[1]));
        }
        assertThatThrownBy(() -> fixture.store.openRange(whole.key(), 10, plaintext.length))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTamperedMiddlePartEndsTheReadWithAnIntegrityFailureNotWrongBytes() throws IOException {
        // The one-byte part between the two others: its only ciphertext byte follows the 40-byte header.
        flipBit(parts.get(1).key(), 40);

        ByteArrayOutputStream served = new ByteArrayOutputStream();
        Throwable failure = catchThrowable(() -> {
            try (InputStream in = fixture.store.openStream(whole.key(), whole.sha256())) {
                in.transferTo(served);
            }
        });

        assertThat(failure).isInstanceOf(ContentIntegrityException.class);
        assertThat(((ContentIntegrityException) failure).key())
                .isEqualTo(parts.get(1).key());
        byte[] bytes = served.toByteArray();
        assertThat(bytes.length).isLessThanOrEqualTo(SIZES[0]);
        assertThat(bytes).isEqualTo(Arrays.copyOf(plaintext, bytes.length));
        assertThat(fixture.integrityFailures).hasSize(1);

        Throwable rangeFailure = catchThrowable(() -> fixture.readRange(whole.key(), SIZES[0] - 2, 10));
        assertThat(rangeFailure).isInstanceOf(ContentIntegrityException.class);
        // A range that lies in the intact parts only still reads.
        assertThat(fixture.readRange(whole.key(), SIZES[0] + 1, 100))
                .isEqualTo(Arrays.copyOfRange(plaintext, SIZES[0] + 1, SIZES[0] + 101));
    }

    @Test
    void aPartSwappedForAnotherObjectDoesNotDecrypt() throws IOException {
        Files.copy(
                fixture.ciphertextFile(parts.get(0).key()),
                fixture.ciphertextFile(parts.get(1).key()),
                StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> fixture.readAll(whole)).isInstanceOf(ContentIntegrityException.class);
        assertThat(fixture.integrityFailures).isNotEmpty();
    }

    @Test
    void aWrongWholeDigestFailsTheFullRead() throws IOException {
        StoredContent wrong = fixture.store.writeParts(
                parts.stream().map(p -> new ContentPart(p.key(), p.size())).toList(), sha256(new byte[1]), "00");

        assertThatThrownBy(() -> fixture.readAll(wrong))
                .isInstanceOf(ContentIntegrityException.class)
                .hasMessageContaining("recorded hash");
    }

    @Test
    void aTamperedListOfPartsIsNotRead() throws IOException {
        flipBit(whole.key(), 45);

        assertThatThrownBy(() -> fixture.readAll(whole)).isInstanceOf(ContentIntegrityException.class);
        assertThatThrownBy(() -> fixture.store.objects(whole.key())).isInstanceOf(ContentIntegrityException.class);
    }

    @Test
    void aContentObjectRenamedAsAListOfPartsDoesNotDecrypt() throws IOException {
        Path renamed = fixture.ciphertextFile(parts.get(0).key() + EncryptedContentStore.PARTS_SUFFIX);
        Files.copy(fixture.ciphertextFile(parts.get(0).key()), renamed);

        assertThatThrownBy(() -> fixture.store.openStream(parts.get(0).key() + EncryptedContentStore.PARTS_SUFFIX, "x"))
                .isInstanceOf(ContentIntegrityException.class);
    }

    @Test
    void aMissingPartIsReportedAsMissing() throws IOException {
        Files.delete(fixture.ciphertextFile(parts.get(1).key()));

        assertThatThrownBy(() -> fixture.readAll(whole)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aContentStoredWholeIsItsOwnOnlyObject() throws IOException {
        assertThat(fixture.store.objects(parts.get(0).key()))
                .containsExactly(parts.get(0).key());
    }

    @Test
    void partsWrittenWithoutDigestsOfTheirOwnCarryTheWholeDigestsAndReadAsAnyContent() throws IOException {
        MessageDigest wholeSha256 = Digests.sha256();
        MessageDigest wholeSha1 = Digests.sha1();
        List<ContentPart> written = new ArrayList<>();
        int from = 0;
        for (int size : SIZES) {
            written.add(fixture.store.writePart(
                    new ByteArrayInputStream(Arrays.copyOfRange(plaintext, from, from + size)),
                    UploadLimits.none(),
                    List.of(wholeSha256, wholeSha1)));
            from += size;
        }

        assertThat(written).extracting(ContentPart::size).containsExactly((long) SIZES[0], (long) SIZES[1], (long)
                SIZES[2]);
        String sha256 = HexFormat.of().formatHex(wholeSha256.digest());
        assertThat(sha256).isEqualTo(sha256(plaintext));
        assertThat(HexFormat.of().formatHex(wholeSha1.digest())).isEqualTo(sha1(plaintext));
        StoredContent content = fixture.store.writeParts(written, sha256, sha1(plaintext));
        assertThat(fixture.readAll(content)).isEqualTo(plaintext);
        try (InputStream first = fixture.store.openRange(written.get(0).key(), 0, SIZES[0])) {
            assertThat(first.readAllBytes()).isEqualTo(Arrays.copyOf(plaintext, SIZES[0]));
        }
    }

    @Test
    void aPartWithoutDigestsOfItsOwnCannotBeCheckedAgainstADeclaredHash() {
        assertThatThrownBy(() -> fixture.store.writePart(
                        new ByteArrayInputStream(plaintext),
                        UploadLimits.none().withExpectedSha256(sha256(plaintext)),
                        List.of(Digests.sha256())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPartOverItsLimitIsRefusedAndLeavesNoObject() throws IOException {
        MessageDigest wholeSha256 = Digests.sha256();
        long before;
        try (var files = Files.walk(directory)) {
            before = files.filter(Files::isRegularFile).count();
        }

        assertThatThrownBy(() -> fixture.store.writePart(
                        new ByteArrayInputStream(plaintext), UploadLimits.none().withMaxSize(10), List.of(wholeSha256)))
                .isInstanceOf(ContentRejectedException.class);

        try (var files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(before);
        }
    }

    private void flipBit(String key, long offset) throws IOException {
        try (RandomAccessFile file =
                new RandomAccessFile(fixture.ciphertextFile(key).toFile(), "rw")) {
            file.seek(offset);
            int b = file.read();
            file.seek(offset);
            file.write(b ^ 0x10);
        }
    }
}
