/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SAF-1: the master key file that protects the content keys")
class MasterKeyFileTest {

    @TempDir
    Path directory;

    @Test
    void initialisesAKeyFileReadableByItsOwnerOnly() throws IOException {
        Path file = directory.resolve("master.key");

        MasterKeyFile created = MasterKeyFile.initialise(file);

        assertThat(created.keyCount()).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(MasterKeyFile.load(file).keyCount()).isEqualTo(1);
    }

    @Test
    void neverOverwritesAnExistingKey() throws IOException {
        Path file = directory.resolve("master.key");
        MasterKeyFile.initialise(file);
        String original = Files.readString(file);

        assertThatThrownBy(() -> MasterKeyFile.initialise(file)).isInstanceOf(FileAlreadyExistsException.class);
        MasterKeyFile.loadOrInitialise(file, directory.resolve("content-keyset.json"));

        assertThat(Files.readString(file)).isEqualTo(original);
    }

    @Test
    void aMissingKeyBesideItsContentKeysetIsReportedAndNeverReplaced() throws IOException {
        Path file = directory.resolve("master.key");
        Path keyset = directory.resolve("content-keyset.json");
        ContentKeyring.open(keyset, MasterKeyFile.loadOrInitialise(file, keyset));
        Files.move(file, directory.resolve("master.key.backup"));

        assertThatThrownBy(() -> MasterKeyFile.loadOrInitialise(file, keyset))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(
                        "Master key file " + file + " does not exist, but the content keyset " + keyset + " does")
                .hasMessageContaining("Restore that master key file from its backup")
                .hasMessageEndingWith("no new master key was created");
        assertThat(file).doesNotExist();

        Files.move(directory.resolve("master.key.backup"), file);
        assertThat(ContentKeyring.open(keyset, MasterKeyFile.loadOrInitialise(file, keyset))
                        .contentKeyCount())
                .isEqualTo(1);
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws IOException {
        Path file = directory.resolve("master.key");
        MasterKeyFile.initialise(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> MasterKeyFile.load(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("accessible to other users");
    }

    @Test
    void reportsAMissingKeyFile() {
        assertThatThrownBy(() -> MasterKeyFile.load(directory.resolve("absent.key")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void namesAKeyFileThatCannotBeRead() throws IOException {
        // The platform says only "Is a directory": the module's 503 must say which file and why.
        Path file = Files.createDirectory(directory.resolve("master.key"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> MasterKeyFile.load(file))
                .isInstanceOf(IOException.class)
                .hasMessage("Master key file " + file + " cannot be read (IOException: Is a directory)");
        assertThatThrownBy(() -> MasterKeyFile.loadOrInitialise(file, directory.resolve("content-keyset.json")))
                .hasMessageContaining("Master key file " + file + " cannot be read");
    }

    @Test
    void namesAContentKeysetThatCannotBeRead() throws IOException {
        MasterKeyFile master = MasterKeyFile.initialise(directory.resolve("master.key"));
        Path keyset = Files.createDirectory(directory.resolve("content-keyset.json"));

        assertThatThrownBy(() -> ContentKeyring.open(keyset, master))
                .isInstanceOf(IOException.class)
                .hasMessage("Content keyset " + keyset + " cannot be read (IOException: Is a directory)");
    }

    @Test
    void refusesAFileThatIsNotAKey() throws IOException {
        Path file = directory.resolve("master.key");
        Files.writeString(file, "{\"not\": \"a keyset\"}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> MasterKeyFile.load(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not hold a valid key");
    }

    @Test
    void rotationAddsAPrimaryKeyAndRetirementKeepsOnlyIt() throws IOException {
        Path file = directory.resolve("master.key");

        MasterKeyFile rotated = MasterKeyFile.initialise(file).rotate();

        assertThat(rotated.keyCount()).isEqualTo(2);
        assertThat(MasterKeyFile.load(file).keyCount()).isEqualTo(2);
        assertThat(rotated.retireOldKeys().keyCount()).isEqualTo(1);
        assertThat(MasterKeyFile.load(file).keyCount()).isEqualTo(1);
        assertThat(rotated.toString()).doesNotContain("keyData");
    }
}
