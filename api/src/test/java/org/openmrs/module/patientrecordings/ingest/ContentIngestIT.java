/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.storage.ContentRejectedException;
import org.openmrs.module.patientrecordings.storage.SweepReport;
import org.openmrs.module.patientrecordings.storage.UploadLimits;

/** The ingest path over a real schema (H2) and a real encrypted filesystem store. */
class ContentIngestIT {

    private static final Duration GRACE = Duration.ofHours(1);

    @TempDir
    Path directory;

    private IngestSite site;
    private final RecordingId recording = RecordingId.random();
    private final byte[] consultation = randomBytes(1_500_000);

    @BeforeEach
    void openSite() throws IOException {
        IngestSite.initialise(directory);
        site = IngestSite.open(directory, "jdbc:h2:mem:ingest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        site.recordingInProgress(recording);
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    @Test
    void writesTheContentThenCommitsTheRecordingsReferenceToIt() throws IOException {
        Recording committed = site.ingest().ingest(recording, "audio/webm", upload(), UploadLimits.none());

        Recording stored = stored();
        assertThat(stored.content()).isEqualTo(committed.content());
        assertThat(stored.content().contentType()).isEqualTo("audio/webm");
        assertThat(stored.content().size()).isEqualTo(consultation.length);
        assertThat(stored.content().sha256()).isEqualTo(sha256(consultation));
        assertThat(site.readBackSha256(stored.content())).isEqualTo(sha256(consultation));
    }

    @Test
    void theReferenceIsInvisibleUntilItsTransactionCommits() throws IOException {
        DatabaseContentReferences references =
                new DatabaseContentReferences(site.repositories().database());
        List<String> seen = new ArrayList<>();
        IngestObserver observer = (point, bytes) -> {
            if (point == IngestPoint.DURING_WRITE) {
                return;
            }
            seen.add(point + " referenced=" + anyContentReferenced(references));
        };

        site.ingest(observer).ingest(recording, "audio/webm", upload(), UploadLimits.none());

        assertThat(seen)
                .containsExactly(
                        "BEFORE_WRITE referenced=false",
                        "AFTER_RENAME_BEFORE_COMMIT referenced=false",
                        "DURING_COMMIT referenced=false",
                        "AFTER_COMMIT referenced=true");
    }

    @Test
    void aDatabaseFailureAfterTheWriteLeavesAnOrphanThatTheSweeperRemovesAfterItsGracePeriod() throws IOException {
        ContentAttachment savesThenLosesTheConnection = (id, content) -> {
            site.attachment().attach(id, content);
            throw new IllegalStateException("connection lost before the commit");
        };
        ContentIngest ingest =
                new ContentIngest(site.store(), site.repositories().database(), savesThenLosesTheConnection);

        assertThatThrownBy(() -> ingest.ingest(recording, "audio/webm", upload(), UploadLimits.none()))
                .hasMessage("connection lost before the commit");

        assertThat(stored().content()).isNull();
        List<ContentBackend.Entry> left = site.storedObjects();
        assertThat(left).singleElement().isInstanceOf(ContentBackend.Committed.class);
        Instant written = left.get(0).lastModified();
        assertThat(sweepAt(written.plus(GRACE).minusSeconds(1))).isEqualTo(new SweepReport(0, 0, 1));
        assertThat(sweepAt(written.plus(GRACE).plusSeconds(1))).isEqualTo(new SweepReport(0, 1, 0));
        assertThat(site.storedObjects()).isEmpty();
    }

    @Test
    void anUploadLargerThanAllowedCommitsNothingAndLeavesNothing() throws IOException {
        UploadLimits limits = UploadLimits.none().withMaxSize(consultation.length - 1);

        assertThatThrownBy(() -> site.ingest().ingest(recording, "audio/webm", upload(), limits))
                .isInstanceOfSatisfying(
                        ContentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ContentRejectedException.Reason.TOO_LARGE));

        assertThat(stored().content()).isNull();
        assertThat(site.storedObjects()).isEmpty();
    }

    @Test
    void aTruncatedUploadCommitsNothingAndLeavesNothing() throws IOException {
        UploadLimits limits = UploadLimits.none().withExpectedSize(consultation.length + 1000L);

        assertThatThrownBy(() -> site.ingest().ingest(recording, "audio/webm", upload(), limits))
                .isInstanceOfSatisfying(
                        ContentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ContentRejectedException.Reason.TRUNCATED));

        assertThat(stored().content()).isNull();
        assertThat(site.storedObjects()).isEmpty();
    }

    private boolean anyContentReferenced(DatabaseContentReferences references) {
        try {
            for (ContentBackend.Entry entry : site.storedObjects()) {
                if (references.isReferenced(entry.key())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private SweepReport sweepAt(Instant now) throws IOException {
        return site.sweeper(Clock.fixed(now, ZoneOffset.UTC), GRACE).sweep();
    }

    private Recording stored() {
        return site.repositories().recordings().find(recording).orElseThrow();
    }

    private ByteArrayInputStream upload() {
        return new ByteArrayInputStream(consultation);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(IngestSite.sha256().digest(bytes));
    }
}
