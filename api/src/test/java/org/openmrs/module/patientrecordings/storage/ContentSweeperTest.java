/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.storage.filesystem.FilesystemContentBackend;

class ContentSweeperTest {

    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final Duration GRACE = Duration.ofHours(24);
    private static final Instant OLD = NOW.minus(GRACE).minusSeconds(1);
    private static final Instant YOUNG = NOW.minus(GRACE).plusSeconds(1);

    @TempDir
    Path directory;

    private FilesystemContentBackend backend;

    @BeforeEach
    void createBackend() throws IOException {
        backend = new FilesystemContentBackend(directory);
    }

    @Test
    void removesOldUnreferencedContentAndOldTemporariesOnly() throws IOException {
        String referencedOld = committed("recordings/aa/referenced", OLD);
        String orphanOld = committed("recordings/bb/orphan", OLD);
        String orphanYoung = committed("recordings/cc/young-orphan", YOUNG);
        Path temporaryOld = temporary("recordings/dd/abandoned", OLD);
        Path temporaryYoung = temporary("recordings/ee/uploading", YOUNG);
        String elsewhere = committed("other/unrelated", OLD);
        ContentSweeper sweeper =
                new ContentSweeper(backend, Set.of(referencedOld)::contains, Clock.fixed(NOW, ZoneOffset.UTC), GRACE);

        SweepReport report = sweeper.sweep();

        assertThat(report).isEqualTo(new SweepReport(1, 1, 3));
        assertThat(backend.exists(referencedOld)).isTrue();
        assertThat(backend.exists(orphanOld)).isFalse();
        assertThat(backend.exists(orphanYoung)).isTrue();
        assertThat(temporaryOld).doesNotExist();
        assertThat(temporaryYoung).exists();
        assertThat(backend.exists(elsewhere)).isTrue();
    }

    @Test
    void removesNothingMoreWhenTheDatabaseCannotAnswer() throws IOException {
        String orphan = committed("recordings/aa/orphan", OLD);
        ContentSweeper sweeper = new ContentSweeper(
                backend,
                key -> {
                    throw new IOException("database unreachable");
                },
                Clock.fixed(NOW, ZoneOffset.UTC),
                GRACE);

        assertThatThrownBy(sweeper::sweep).hasMessage("database unreachable");

        assertThat(backend.exists(orphan)).isTrue();
    }

    @Test
    void sweepsContentWrittenByTheStoreOnceItsGracePeriodHasPassed() throws IOException {
        StoreFixture fixture = StoreFixture.in(directory.resolve("store"));
        StoredContent unreferenced = fixture.write(new byte[] {1, 2, 3});
        Instant written = Files.getLastModifiedTime(fixture.ciphertextFile(unreferenced.key()))
                .toInstant();
        Clock justBefore = Clock.fixed(written.plus(GRACE).minusSeconds(1), ZoneOffset.UTC);
        Clock after = Clock.fixed(written.plus(GRACE).plusSeconds(1), ZoneOffset.UTC);

        assertThat(new ContentSweeper(fixture.backend, key -> false, justBefore, GRACE)
                        .sweep()
                        .orphansRemoved())
                .isZero();
        assertThat(new ContentSweeper(fixture.backend, key -> false, after, GRACE)
                        .sweep()
                        .orphansRemoved())
                .isEqualTo(1);
        assertThat(fixture.store.exists(unreferenced.key())).isFalse();
    }

    private String committed(String key, Instant modified) throws IOException {
        backend.write(key, new ByteArrayInputStream(new byte[] {1}));
        Files.setLastModifiedTime(backend.root().resolve(key), FileTime.from(modified));
        return key;
    }

    private Path temporary(String key, Instant modified) throws IOException {
        Path target = backend.root().resolve(key);
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        Files.write(temporary, new byte[] {1});
        Files.setLastModifiedTime(temporary, FileTime.from(modified));
        return temporary;
    }
}
