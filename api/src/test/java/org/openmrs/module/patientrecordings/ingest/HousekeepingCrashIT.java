/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditChainWatch;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.audit.ChainVerification;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.recording.RecordedContent;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;
import org.openmrs.module.patientrecordings.register.DestructionEntry;
import org.openmrs.module.patientrecordings.storage.StoredContent;
import org.openmrs.module.patientrecordings.storage.SweepReport;
import org.openmrs.module.patientrecordings.storage.UploadLimits;

/**
 * SIGKILL during the two housekeeping operations that remove content, as {@link CrashSafetyIT} does for the ingest:
 * a child JVM ({@link HousekeepingWorker}) runs the operation over a data directory and an H2 file database and is
 * killed either held at the n-th removal from the store (before or after it) or at a random moment; the site is then
 * opened again, as a restart would, and checked.
 *
 * <ul>
 *   <li>Disposal (REC-4, CON-5), as each host runs it (the scheduled retention sweep outside a unit of work, one
 *       disposal per unit of work as the administration API, the whole sweep in one): after the restart each due
 *       recording is either not destroyed, with no destruction-register entry, its content present and reading back
 *       with its SHA-256, or DESTROYED with its register entry and its audited disposal; never a register entry for a
 *       recording that is not destroyed, never content gone from a recording that is not destroyed. Running the
 *       retention sweep again finishes the job: every due recording destroyed and its content erased from the store.
 *   <li>The content sweep: after the restart no content a recording refers to is gone, and running the sweep again
 *       leaves the store holding exactly the content recordings refer to, no temporary object.
 * </ul>
 *
 * <p>After every restart, every recording kept in earlier rounds (not due) still reads back with its hash, and the
 * audit chain verifies. {@code crash.housekeeping.kills} kills per operation (24; the bench profile 150), {@code
 * crash.seed} repeats a run; the summary lines print the seed.
 */
class HousekeepingCrashIT {

    private static final long PATIENCE_SECONDS = 120;
    private static final String END = "\u0000end";

    /** Held so that the levels set stay set: the parent opens the database every round. */
    private static final List<Logger> QUIET_LOGS =
            List.of(quiet(Logger.getLogger("liquibase")), quiet(Logger.getLogger("org.hibernate")));

    @TempDir
    Path directory;

    /** Where a round kills its worker. */
    enum Kill {
        BEFORE_REMOVAL,
        AFTER_REMOVAL,
        RANDOM_TIME
    }

    @Test
    void aDisposalIsWholeOrUndoneAfterKillsAndTheNextSweepFinishesIt() throws Exception {
        int kills = Integer.getInteger("crash.housekeeping.kills", 24);
        long seed = Long.getLong("crash.seed", new Random().nextLong());
        Lane lane = new Lane(directory.resolve("disposal"), seed);
        List<HousekeepingWorker.Operation> operations = List.of(
                HousekeepingWorker.Operation.RETENTION_SWEEP,
                HousekeepingWorker.Operation.DISPOSE_EACH_IN_A_UNIT_OF_WORK,
                HousekeepingWorker.Operation.RETENTION_SWEEP_IN_A_UNIT_OF_WORK);
        for (int round = 0; round < kills; round++) {
            lane.disposalRound(round, operations.get(round % operations.size()));
        }
        lane.report("disposal", kills);
        assertThat(lane.destroyedByWorker + lane.destroyedOnRerun).isEqualTo(3 * kills);
    }

    @Test
    void theContentSweepNeverRemovesCommittedContentAndFinishesWhenRunAgain() throws Exception {
        int kills = Integer.getInteger("crash.housekeeping.kills", 24);
        long seed = Long.getLong("crash.seed", new Random().nextLong());
        Lane lane = new Lane(directory.resolve("sweep"), seed);
        for (int round = 0; round < kills; round++) {
            lane.sweepRound(round);
        }
        lane.report("content sweep", kills);
        assertThat(lane.orphansMade).isPositive();
    }

    /** Recordings due for disposal: sealed by a withdrawal (CON-5), or past their retention end (REC-4). */
    static List<Recording> due(IngestSite site) {
        return site.allRecordings().stream()
                .filter(r -> r.state() == RecordingState.SEALED)
                .toList();
    }

    /** One sequence of rounds over one data directory and database. */
    private static final class Lane {
        private final Path directory;
        private final Path data;
        private final String jdbcUrl;
        private final long seed;
        private final Random random;
        /** Recordings that are not due, by id: their content as committed. */
        private final Map<RecordingId, RecordedContent> kept = new LinkedHashMap<>();

        private final Map<Kill, Integer> kills = new EnumMap<>(Kill.class);
        private final long started = System.nanoTime();
        private long windowMillis = 300;
        private int destroyedByWorker;
        private int destroyedOnRerun;
        private int leftWhole;
        private int erasuresCutShort;
        private int orphansMade;
        private int orphansSweptByWorker;
        private int orphansSweptOnRerun;

        Lane(Path directory, long seed) throws IOException {
            this.directory = directory;
            this.data = Files.createDirectories(directory.resolve("data"));
            this.jdbcUrl = "jdbc:h2:file:" + directory.resolve("db").resolve("recordings") + CrashLane.H2_OPTIONS;
            this.seed = seed;
            this.random = new Random(seed);
            IngestSite.initialise(data);
        }

        void disposalRound(int round, HousekeepingWorker.Operation operation) throws Exception {
            Map<RecordingId, RecordedContent> due = new LinkedHashMap<>();
            try (IngestSite site = IngestSite.open(data, jdbcUrl)) {
                for (int i = 0; i < 4; i++) {
                    Recording recording = withContent(site, round, i);
                    if (i < 3) {
                        seal(site, recording.id());
                        due.put(recording.id(), recording.content());
                    } else {
                        kept.put(recording.id(), recording.content());
                    }
                }
            }
            Kill kill = Kill.values()[random.nextInt(Kill.values().length)];
            String where = "round " + round + " of the disposal (" + operation + ", " + kill + ", seed " + seed + ")";
            List<String> printed = runAndKill(operation, kill, due.size());
            try (IngestSite site = IngestSite.open(data, jdbcUrl)) {
                int destroyed = 0;
                for (Map.Entry<RecordingId, RecordedContent> recording : due.entrySet()) {
                    if (wholeOrNotAtAll(site, recording.getKey(), recording.getValue(), where + " " + printed)) {
                        destroyed++;
                    }
                }
                destroyedByWorker += destroyed;
                leftWhole += due.size() - destroyed;
                everyKeptRecordingReadsBack(site, where);
                theAuditChainVerifies(site, where);

                site.disposal(HousekeepingWorker.RECORDS_MANAGER).sweepReport();
                for (Map.Entry<RecordingId, RecordedContent> recording : due.entrySet()) {
                    assertThat(wholeOrNotAtAll(site, recording.getKey(), recording.getValue(), where + ", swept again"))
                            .as("%s: %s destroyed by the sweep run again", where, recording.getKey())
                            .isTrue();
                    assertThat(site.repositories()
                                    .recordings()
                                    .find(recording.getKey())
                                    .orElseThrow()
                                    .content())
                            .as("%s: content reference of %s once the sweep ran again", where, recording.getKey())
                            .isNull();
                    assertThat(site.store().exists(recording.getValue().key()))
                            .as("%s: content of %s erased once the sweep ran again", where, recording.getKey())
                            .isFalse();
                }
                destroyedOnRerun += due.size() - destroyed;
                everyKeptRecordingReadsBack(site, where + ", swept again");
                theAuditChainVerifies(site, where + ", swept again");
            }
        }

        /**
         * Asserts that a due recording is either untouched or destroyed whole.
         *
         * @return whether it is destroyed
         */
        private boolean wholeOrNotAtAll(IngestSite site, RecordingId id, RecordedContent content, String where)
                throws IOException {
            Recording now = site.repositories().recordings().find(id).orElseThrow();
            List<DestructionEntry> entries = site.repositories().registers().list(DestructionEntry.class).stream()
                    .filter(e -> e.recording().equals(id))
                    .toList();
            boolean auditedDisposal = site
                    .repositories()
                    .auditLog()
                    .search(AuditQuery.all()
                            .forRecording(id)
                            .withAction(AuditAction.DISPOSE)
                            .page(0, AuditQuery.MAX_LIMIT))
                    .entries()
                    .stream()
                    .anyMatch(e -> e.entry().outcome().succeeded());
            if (now.state() == RecordingState.DESTROYED) {
                assertThat(entries)
                        .as("%s: destruction-register entries of %s, destroyed", where, id)
                        .hasSize(1);
                assertThat(auditedDisposal)
                        .as("%s: audited disposal of %s, destroyed", where, id)
                        .isTrue();
                // A crash between the decision and the erasure leaves the reference, unreadable once DESTROYED
                // (LIF-1), for the next sweep to erase; nothing else.
                assertThat(now.content())
                        .as("%s: content reference of %s, destroyed", where, id)
                        .isIn(null, content);
                if (now.content() != null) {
                    erasuresCutShort++;
                }
                return true;
            }
            assertThat(entries)
                    .as("%s: destruction-register entries of %s, not destroyed (%s)", where, id, now.state())
                    .isEmpty();
            // An audit entry may name a disposal that did not commit: access is audited in a transaction of its own,
            // before the change it audits commits (SAF-2), so a kill in between leaves the entry alone.
            assertThat(now.content())
                    .as("%s: content reference of %s, not destroyed", where, id)
                    .isEqualTo(content);
            assertThat(site.store().exists(content.key()))
                    .as("%s: content of %s, not destroyed", where, id)
                    .isTrue();
            assertThat(site.readBackSha256(content))
                    .as("%s: content of %s read back", where, id)
                    .isEqualTo(content.sha256());
            return false;
        }

        void sweepRound(int round) throws Exception {
            List<String> orphans = new ArrayList<>();
            try (IngestSite site = IngestSite.open(data, jdbcUrl)) {
                for (int i = 0; i < 2; i++) {
                    Recording recording = withContent(site, round, i);
                    kept.put(recording.id(), recording.content());
                }
                for (int i = 0; i < 6; i++) {
                    orphans.add(write(site, 1 + random.nextInt(20_000)).key());
                }
                orphansMade += orphans.size();
            }
            Kill kill = Kill.values()[random.nextInt(Kill.values().length)];
            String where = "round " + round + " of the content sweep (" + kill + ", seed " + seed + ")";
            List<String> printed = runAndKill(HousekeepingWorker.Operation.CONTENT_SWEEP, kill, orphans.size());
            try (IngestSite site = IngestSite.open(data, jdbcUrl)) {
                everyKeptRecordingReadsBack(site, where + " " + printed);
                int left = 0;
                for (String orphan : orphans) {
                    left += site.store().exists(orphan) ? 1 : 0;
                }
                orphansSweptByWorker += orphans.size() - left;
                SweepReport again = site.sweeper(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)), Duration.ZERO)
                        .sweep();
                orphansSweptOnRerun += again.orphansRemoved();
                assertThat(again.orphansRemoved())
                        .as("%s: orphans the sweep run again removed", where)
                        .isEqualTo(left);
                everyKeptRecordingReadsBack(site, where + ", swept again");
                theStoreHoldsExactlyWhatIsReferenced(site, where + ", swept again");
                theAuditChainVerifies(site, where);
            }
        }

        private void everyKeptRecordingReadsBack(IngestSite site, String where) throws IOException {
            Map<RecordingId, Recording> all =
                    site.allRecordings().stream().collect(Collectors.toMap(Recording::id, r -> r));
            List<RecordingId> ids = new ArrayList<>(kept.keySet());
            for (RecordingId id : ids) {
                Recording now = all.get(id);
                assertThat(now).as("%s: kept recording %s", where, id).isNotNull();
                assertThat(now.state()).as("%s: state of %s", where, id).isNotEqualTo(RecordingState.DESTROYED);
                assertThat(now.content()).as("%s: content of %s", where, id).isEqualTo(kept.get(id));
                assertThat(site.store().exists(now.content().key()))
                        .as("%s: content object of %s", where, id)
                        .isTrue();
            }
            // Every one of the last round's, and a few earlier ones, read back in full.
            for (int i = Math.max(0, ids.size() - 2); i < ids.size(); i++) {
                readsBack(site, ids.get(i), where);
            }
            for (int i = 0; i < 2 && !ids.isEmpty(); i++) {
                readsBack(site, ids.get(random.nextInt(ids.size())), where);
            }
        }

        private void readsBack(IngestSite site, RecordingId id, String where) throws IOException {
            RecordedContent content = kept.get(id);
            assertThat(site.readBackSha256(content))
                    .as("%s: %s read back", where, id)
                    .isEqualTo(content.sha256());
        }

        private static void theStoreHoldsExactlyWhatIsReferenced(IngestSite site, String where) throws IOException {
            Set<String> referenced = new HashSet<>();
            site.allRecordings().stream()
                    .filter(r -> r.content() != null)
                    .forEach(r -> referenced.add(r.content().key()));
            List<ContentBackend.Entry> stored = site.storedObjects();
            assertThat(stored).as("%s: temporary objects", where).noneMatch(ContentBackend.Temporary.class::isInstance);
            assertThat(stored.stream().map(ContentBackend.Entry::key).collect(Collectors.toSet()))
                    .as("%s: objects in the store", where)
                    .isEqualTo(referenced);
        }

        private static void theAuditChainVerifies(IngestSite site, String where) {
            assertThat(new AuditChainWatch(site.repositories().auditLog()).verifyAll())
                    .as("%s: the audit chain", where)
                    .isInstanceOf(ChainVerification.Intact.class);
        }

        /** A recording in progress that gets its content through the ingest path, committed. */
        private Recording withContent(IngestSite site, int round, int index) throws IOException {
            RecordingId id = RecordingId.of(String.format(Locale.ROOT, "housekeeping-%05d-%d", round, index));
            site.recordingInProgress(id);
            byte[] bytes = bytes(1 + random.nextInt(200_000));
            return site.ingest()
                    .ingest(
                            id,
                            IngestSite.CONTENT_TYPE,
                            new ByteArrayInputStream(bytes),
                            UploadLimits.none().withExpectedSize(bytes.length));
        }

        /** Content committed to the store with no recording referring to it: what a crashed ingest leaves. */
        private StoredContent write(IngestSite site, int size) throws IOException {
            return site.store().write(new ByteArrayInputStream(bytes(size)), UploadLimits.none());
        }

        private byte[] bytes(int size) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            return bytes;
        }

        /** Seals a recording as a withdrawal during the recording does (CON-5): due for disposal. */
        private static void seal(IngestSite site, RecordingId id) {
            site.repositories().database().inUnitOfWork(() -> {
                Recording recording = site.repositories().recordings().find(id).orElseThrow();
                return site.repositories()
                        .recordings()
                        .save(recording
                                .withState(RecordingState.SEALED)
                                .flagged(RecordingFlag.WITHDRAWN_DURING_RECORDING));
            });
        }

        /** Runs the worker and kills it as {@code kill} says; returns what it printed. */
        private List<String> runAndKill(HousekeepingWorker.Operation operation, Kill kill, int removals)
                throws IOException, InterruptedException {
            kills.merge(kill, 1, Integer::sum);
            int holdAt = kill == Kill.RANDOM_TIME ? -1 : random.nextInt(removals);
            long delay = random.nextLong((long) (windowMillis * 1.3) + 1);
            List<String> command = new ArrayList<>();
            command.add(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(KilledWorker.JVM_OPTIONS);
            command.add("-cp");
            command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            command.add(HousekeepingWorker.class.getName());
            command.add(data.toString());
            command.add(jdbcUrl);
            command.add(operation.name());
            command.add(Integer.toString(holdAt));
            command.add(kill == Kill.AFTER_REMOVAL ? "AFTER" : "BEFORE");
            Path errors = directory.resolve("worker.err");
            Process process =
                    new ProcessBuilder(command).redirectError(errors.toFile()).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> readLines(process, lines), "housekeeping-worker");
            reader.start();
            List<String> printed = new ArrayList<>();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
                long ready = 0;
                while (true) {
                    String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (line == null && kill == Kill.RANDOM_TIME && ready > 0) {
                        break;
                    }
                    if (line == null || line.equals(END)) {
                        throw new AssertionError("the worker died or hung before its kill (" + operation + ", " + kill
                                + "); printed " + printed + "; its standard error:\n" + Files.readString(errors));
                    }
                    printed.add(line);
                    if (line.equals("READY")) {
                        ready = System.nanoTime();
                        if (kill == Kill.RANDOM_TIME) {
                            deadline = ready + TimeUnit.MILLISECONDS.toNanos(delay);
                        }
                    } else if (line.startsWith("AT ")) {
                        break;
                    } else if (line.equals("DONE")) {
                        windowMillis = Math.max(20, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ready));
                        break;
                    }
                }
                assertThat(process.isAlive())
                        .as("the worker is alive at its kill")
                        .isTrue();
            } finally {
                process.destroyForcibly();
                process.waitFor();
                reader.join();
            }
            return printed;
        }

        void report(String what, int rounds) {
            System.out.printf(
                    "HousekeepingCrashIT, %s: %d kills (seed %d) %s; due recordings destroyed whole by the killed"
                            + " worker %d (their erasure cut short by the kill %d), left whole %d, destroyed by the sweep run"
                            + " again %d; %d kept recordings"
                            + " read back; orphans made %d, swept by the killed worker %d, by the sweep run again %d;"
                            + " %d s%n",
                    what,
                    rounds,
                    seed,
                    kills,
                    destroyedByWorker,
                    erasuresCutShort,
                    leftWhole,
                    destroyedOnRerun,
                    kept.size(),
                    orphansMade,
                    orphansSweptByWorker,
                    orphansSweptOnRerun,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        }
    }

    private static void readLines(Process process, BlockingQueue<String> lines) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The pipe breaks when the worker is killed; what it printed before is in the queue.
        } finally {
            lines.add(END);
        }
    }

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING);
        return logger;
    }
}
