/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.storage.StoreFixture.randomBytes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotating content keys and master keys never rewrites content and never makes old content unreadable. */
@DisplayName("SAF-1: key rotation never makes encrypted content unreadable")
class KeyRotationTest {

    @TempDir
    Path directory;

    private StoreFixture fixture;
    private byte[] before;
    private StoredContent writtenBefore;

    @BeforeEach
    void writeContentBeforeRotation() throws IOException {
        fixture = StoreFixture.in(directory);
        before = randomBytes(1_500_000, 1);
        writtenBefore = fixture.write(before);
    }

    @Test
    void readsOldAndNewContentAfterAContentKeyRotation() throws IOException {
        byte[] ciphertextBefore = Files.readAllBytes(fixture.ciphertextFile(writtenBefore.key()));

        fixture.keyring.rotateContentKey();
        byte[] after = randomBytes(1000, 2);
        StoredContent writtenAfter = fixture.write(after);

        assertThat(fixture.keyring.contentKeyCount()).isEqualTo(2);
        assertThat(fixture.readAll(writtenBefore)).isEqualTo(before);
        assertThat(fixture.readAll(writtenAfter)).isEqualTo(after);
        assertThat(Files.readAllBytes(fixture.ciphertextFile(writtenBefore.key())))
                .isEqualTo(ciphertextBefore);
        StoreFixture restarted = fixture.reopened();
        assertThat(restarted.keyring.contentKeyCount()).isEqualTo(2);
        assertThat(restarted.readAll(writtenBefore)).isEqualTo(before);
        assertThat(restarted.readAll(writtenAfter)).isEqualTo(after);
    }

    @Test
    void readsOldContentAfterTheMasterKeyIsRotatedAndTheOldOneRetired() throws IOException {
        MasterKeyFile rotated = fixture.masterKey.rotate();
        fixture.keyring.rewrap(rotated);
        MasterKeyFile retired = rotated.retireOldKeys();

        assertThat(retired.keyCount()).isEqualTo(1);
        StoreFixture restarted = fixture.reopened();
        assertThat(restarted.masterKey.keyCount()).isEqualTo(1);
        assertThat(restarted.readAll(writtenBefore)).isEqualTo(before);
    }

    @Test
    void movesTheKeysetToAnotherMasterKeyFile() throws IOException {
        MasterKeyFile other = MasterKeyFile.initialise(directory.resolve("other-master.key"));

        fixture.keyring.rewrap(other);

        Path keysetFile = directory.resolve("content-keyset.json");
        assertThatThrownBy(() -> ContentKeyring.open(keysetFile, fixture.masterKey))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot be decrypted");
        EncryptedContentStore store =
                new EncryptedContentStore(fixture.backend, ContentKeyring.open(keysetFile, other), failure -> {});
        try (var in = store.openStream(writtenBefore.key(), writtenBefore.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(before);
        }
    }

    @Test
    void keepsTheKeysetEncryptedAndReadableByItsOwnerOnly() throws IOException {
        Path keysetFile = directory.resolve("content-keyset.json");

        assertThat(Files.readString(keysetFile)).contains("encryptedKeyset").doesNotContain("keyData");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keysetFile)))
                .isEqualTo("rw-------");
    }
}
