/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.audit.AuditChainWatch;
import org.openmrs.module.patientrecordings.audit.ChainVerification;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.recording.RecordedContent;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.storage.SweepReport;

/**
 * What must hold after each restart of {@link CrashSafetyIT}, and what it remembers between rounds so that damage
 * to earlier rounds' recordings is noticed too. Earlier recordings are checked cheaply every round (same content
 * reference, object present) and a few read back in full; {@link #readBackEverything} reads all of them.
 */
final class RecoveryCheck {

    private static final int OLD_RECORDINGS_READ_BACK_PER_ROUND = 2;

    private final long baseSeed;
    private final Random random;
    private final Map<RecordingId, RecordedContent> verified = new HashMap<>();
    private int orphansSwept;
    private int temporariesSwept;

    /** @param baseSeed the run's seed, from which every round's content is made again */
    RecoveryCheck(long baseSeed) {
        this.baseSeed = baseSeed;
        this.random = new Random(baseSeed);
    }

    /**
     * Checks the site after the worker of {@code run} was killed, then sweeps with no grace period and checks that
     * the store holds exactly what committed rows refer to.
     */
    void afterRestart(IngestSite site, KilledWorker run) throws IOException {
        Map<RecordingId, Recording> recordings =
                site.allRecordings().stream().collect(Collectors.toMap(Recording::id, Function.identity()));
        everyPrintedCommitIsThere(recordings, run);
        theHeldIngestIsCommittedOnlyAfterItsCommit(recordings, run);
        onlyTheLastRecordingOfTheRoundMayLackContent(recordings, run);
        everyContentReadsBackRight(site, recordings);
        sweepLeavesExactlyTheReferencedContent(site, recordings);
        assertThat(site.integrityFailures()).as("integrity failures").isEmpty();
        assertThat(new AuditChainWatch(site.repositories().auditLog()).verifyAll())
                .as("the audit chain")
                .isInstanceOf(ChainVerification.Intact.class);
    }

    /** Reads back every recording with content in full. */
    void readBackEverything(IngestSite site) throws IOException {
        for (Recording recording : site.allRecordings()) {
            if (recording.content() != null) {
                assertReadsBack(site, recording);
            }
        }
    }

    int recordingsCommitted() {
        return verified.size();
    }

    int orphansSwept() {
        return orphansSwept;
    }

    int temporariesSwept() {
        return temporariesSwept;
    }

    private static void everyPrintedCommitIsThere(Map<RecordingId, Recording> recordings, KilledWorker run) {
        run.printedCommits().forEach(commit -> {
            Recording recording = recordings.get(RecordingId.of(commit[1]));
            assertThat(recording).as("printed as committed: %s", commit[1]).isNotNull();
            assertThat(recording.content())
                    .as("content of %s, printed as committed", commit[1])
                    .isNotNull();
            assertThat(recording.content().sha256()).as("hash of %s", commit[1]).isEqualTo(commit[2]);
        });
    }

    private static void theHeldIngestIsCommittedOnlyAfterItsCommit(
            Map<RecordingId, Recording> recordings, KilledWorker run) {
        run.plan().kind().point().ifPresent(point -> {
            RecordingId held = RecordingId.of(run.heldRecording().orElseThrow());
            Recording recording = recordings.get(held);
            assertThat(recording).as("recording held at %s", point).isNotNull();
            if (point == IngestPoint.AFTER_COMMIT) {
                assertThat(recording.content())
                        .as("content of %s, killed after commit", held)
                        .isNotNull();
            } else {
                assertThat(recording.content())
                        .as("content of %s, killed at %s", held, point)
                        .isNull();
            }
        });
    }

    /** A round makes its recordings one after another, so every one but its last has its content committed. */
    private static void onlyTheLastRecordingOfTheRoundMayLackContent(
            Map<RecordingId, Recording> recordings, KilledWorker run) {
        List<Recording> ofRound = recordings.values().stream()
                .filter(r -> IngestWorker.parse(r.id())[0] == run.plan().round())
                .sorted((a, b) -> Integer.compare(IngestWorker.parse(a.id())[1], IngestWorker.parse(b.id())[1]))
                .toList();
        for (int i = 0; i < ofRound.size() - 1; i++) {
            assertThat(ofRound.get(i).content())
                    .as(
                            "content of %s, followed by another recording",
                            ofRound.get(i).id())
                    .isNotNull();
        }
    }

    private void everyContentReadsBackRight(IngestSite site, Map<RecordingId, Recording> recordings)
            throws IOException {
        for (Map.Entry<RecordingId, RecordedContent> earlier : verified.entrySet()) {
            Recording now = recordings.get(earlier.getKey());
            assertThat(now).as("earlier recording %s", earlier.getKey()).isNotNull();
            assertThat(now.content())
                    .as("content of earlier recording %s", earlier.getKey())
                    .isEqualTo(earlier.getValue());
            assertThat(site.store().exists(earlier.getValue().key()))
                    .as("content object of earlier recording %s", earlier.getKey())
                    .isTrue();
        }
        List<RecordingId> earlier = new ArrayList<>(verified.keySet());
        for (int i = 0; i < OLD_RECORDINGS_READ_BACK_PER_ROUND && !earlier.isEmpty(); i++) {
            assertReadsBack(site, recordings.get(earlier.get(random.nextInt(earlier.size()))));
        }
        for (Recording recording : recordings.values()) {
            if (recording.content() != null && !verified.containsKey(recording.id())) {
                assertReadsBack(site, recording);
                verified.put(recording.id(), recording.content());
            }
        }
    }

    private void assertReadsBack(IngestSite site, Recording recording) throws IOException {
        int[] roundAndIndex = IngestWorker.parse(recording.id());
        SeededContent expected = SeededContent.of(CrashPlan.seedOf(baseSeed, roundAndIndex[0]), roundAndIndex[1]);
        String expectedSha256 = expected.sha256();
        assertThat(recording.content().sha256())
                .as("stored hash of %s", recording.id())
                .isEqualTo(expectedSha256);
        assertThat(recording.content().size())
                .as("stored size of %s", recording.id())
                .isEqualTo(expected.size());
        assertThat(site.readBackSha256(recording.content()))
                .as("hash of %s read back", recording.id())
                .isEqualTo(expectedSha256);
    }

    private void sweepLeavesExactlyTheReferencedContent(IngestSite site, Map<RecordingId, Recording> recordings)
            throws IOException {
        // No grace: the clock stands a minute past everything written, and no write is under way.
        SweepReport report = site.sweeper(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)), Duration.ZERO)
                .sweep();
        orphansSwept += report.orphansRemoved();
        temporariesSwept += report.temporariesRemoved();
        Set<String> referenced = new HashSet<>();
        recordings.values().stream()
                .filter(r -> r.content() != null)
                .forEach(r -> referenced.add(r.content().key()));
        List<ContentBackend.Entry> stored = site.storedObjects();
        assertThat(stored)
                .as("temporary objects after the sweep")
                .noneMatch(ContentBackend.Temporary.class::isInstance);
        assertThat(stored.stream().map(ContentBackend.Entry::key).collect(Collectors.toSet()))
                .as("objects in the store after the sweep")
                .isEqualTo(referenced);
    }
}
