/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.ChainVerification;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseSettings;
import org.openmrs.module.patientrecordings.persistence.audit.JpaAuditLog;

/**
 * The embedded database's file under the server's settings (each commit written at once): audited reads, one commit
 * each, leave most of the file's chunks dead unless {@link H2FileCompaction} writes their live pages again; with it,
 * the chunks keep at least the target share of live data and the file stays smaller.
 */
class H2FileCompactionIT {

    private static final int COMMITS = 6_000;
    private static final int COMMITS_BETWEEN_RUNS = 500;

    @Test
    void compactionKeepsTheChunksFilledAndTheFileSmallerUnderAuditedReads(@TempDir Path dir) throws Exception {
        Result left = commit(dir.resolve("left"), false);
        Result compacted = commit(dir.resolve("compacted"), true);
        System.out.println("H2FileCompactionIT, " + COMMITS + " audited reads: without compaction " + left
                + "; with a run every " + COMMITS_BETWEEN_RUNS + " " + compacted);

        assertThat(left.chunksFillRate())
                .as("chunks' fill rate without compaction")
                .isLessThan(H2FileCompaction.TARGET_FILL_RATE);
        assertThat(compacted.runsThatWrote())
                .as("runs that wrote live pages again")
                .isPositive();
        assertThat(compacted.chunksFillRate())
                .as("chunks' fill rate with compaction")
                .isGreaterThanOrEqualTo(H2FileCompaction.TARGET_FILL_RATE / 2)
                .isGreaterThan(left.chunksFillRate());
        assertThat(compacted.fileBytes())
                .as("file size with compaction (%s) against without (%s)", compacted, left)
                .isLessThan(left.fileBytes());
        assertThat(compacted.chainIntact())
                .as("audit chain intact after compaction")
                .isTrue();
        assertThat(left.chainIntact())
                .as("audit chain intact without compaction")
                .isTrue();
    }

    @Test
    void anEmbeddedH2FileIsCompactedWhateverFormItsUrlTakesAndNothingElse(@TempDir Path dir) throws Exception {
        String memory = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Database database = open(dir, memory);
                H2FileCompaction none = H2FileCompaction.startIfH2File(database.dataSource(), memory)) {
            assertThat(none.isRunning()).as("H2 in memory").isFalse();
            assertThat(H2FileCompaction.startIfH2File(database.dataSource(), "jdbc:postgresql://127.0.0.1/x")
                            .isRunning())
                    .as("another database")
                    .isFalse();
        }
        for (String url : List.of(
                "jdbc:h2:file:" + dir.resolve("prefixed") + ";WRITE_DELAY=0",
                "jdbc:h2:" + dir.resolve("bare") + ";WRITE_DELAY=0")) {
            try (Database database = open(dir, url);
                    H2FileCompaction running = H2FileCompaction.startIfH2File(database.dataSource(), url)) {
                assertThat(running.isRunning()).as(url).isTrue();
            }
        }
    }

    private Result commit(Path dir, boolean compact) throws Exception {
        Files.createDirectories(dir);
        try (Database database = open(dir, null)) {
            MVStore store = H2FileCompaction.storeOf(database.dataSource());
            JpaAuditLog audit = new JpaAuditLog(database);
            PatientId patient = PatientId.of(UUID.randomUUID().toString());
            RecordingId recording = RecordingId.of(UUID.randomUUID().toString());
            int runsThatWrote = 0;
            for (int i = 1; i <= COMMITS; i++) {
                audit.append(AuditEntry.success(
                        UserId.of("clinician"),
                        Instant.now(),
                        patient,
                        recording,
                        AuditAction.VIEW,
                        Purpose.DIRECT_CARE));
                if (compact && i % COMMITS_BETWEEN_RUNS == 0 && H2FileCompaction.compactOnce(store)) {
                    runsThatWrote++;
                }
            }
            boolean intact = audit.verify() instanceof ChainVerification.Intact whole
                    && whole.head().sequence() == COMMITS;
            return new Result(
                    store.getFileStore().getChunksFillRate(),
                    store.getFileStore().size(),
                    runsThatWrote,
                    intact);
        }
    }

    /** The server's H2 settings, with freed chunks reusable at once rather than after H2's retention time. */
    private static Database open(Path dir, String url) {
        String jdbcUrl = url != null
                ? url
                : "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=0";
        return StandaloneApplication.openDatabase(DatabaseSettings.of(jdbcUrl, "sa", ""));
    }

    private record Result(int chunksFillRate, long fileBytes, int runsThatWrote, boolean chainIntact) {}
}
