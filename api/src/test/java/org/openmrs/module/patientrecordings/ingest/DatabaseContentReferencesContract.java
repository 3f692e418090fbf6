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
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.MediaType;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.DatabaseSettings;
import org.openmrs.module.patientrecordings.persistence.PersistentRepositories;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.persistence.recording.JpaRecordingRepository;
import org.openmrs.module.patientrecordings.persistence.recording.JpaUploadProgress;
import org.openmrs.module.patientrecordings.recording.RecordedContent;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.UploadPart;
import org.openmrs.module.patientrecordings.storage.ContentSweeper;
import org.openmrs.module.patientrecordings.storage.SweepReport;
import org.openmrs.module.patientrecordings.storage.filesystem.FilesystemContentBackend;

/**
 * What the sweeper may rely on from {@link DatabaseContentReferences}, on each database engine: a key counts as
 * referenced once, and only once, a recording row carrying it has committed, or while it is a committed part of the
 * upload of a recording in progress; when the database cannot answer, it says so rather than "no".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContentReferencesContract {

    private RepositoryDatabase repositoryDatabase;
    private Transactions database;
    private JpaRecordingRepository recordings;
    private DatabaseContentReferences references;
    private JpaUploadProgress uploads;

    abstract DatabaseEngine engine();

    /** The transactions the references and the recordings run in: the database's own, unless a host's are tested. */
    Transactions transactions(Database emptied) {
        return emptied;
    }

    @BeforeAll
    void createDatabase() {
        repositoryDatabase = RepositoryDatabase.create(engine());
    }

    @AfterAll
    void dropDatabase() {
        repositoryDatabase.close();
    }

    @BeforeEach
    void startEmpty() {
        database = transactions(repositoryDatabase.emptied());
        recordings = new JpaRecordingRepository(database);
        references = new DatabaseContentReferences(database);
        uploads = new JpaUploadProgress(database);
    }

    @Test
    void aKeyIsReferencedOnceARecordingCarryingItHasCommitted() throws IOException {
        String key = newKey();
        recordings.save(aRecording().content(contentUnder(key)).build());

        assertThat(references.isReferenced(key)).isTrue();
        assertThat(references.isReferenced(newKey())).isFalse();
    }

    @Test
    void aRecordingWithoutContentReferencesNothing() throws IOException {
        recordings.save(aRecording().build());

        assertThat(references.isReferenced(newKey())).isFalse();
    }

    @Test
    void aReferenceSavedInAnOpenTransactionDoesNotCountUntilItCommits() throws IOException {
        String key = newKey();
        boolean[] duringTransaction = new boolean[1];

        database.runInUnitOfWork(() -> {
            recordings.save(aRecording().content(contentUnder(key)).build());
            try {
                duringTransaction[0] = references.isReferenced(key);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });

        assertThat(duringTransaction[0]).isFalse();
        assertThat(references.isReferenced(key)).isTrue();
    }

    @Test
    void aPartOfAnUploadInProgressIsReferencedUntilTheUploadIsFinished() throws IOException {
        Recording recording = recordings.save(aRecording().build());
        String key = newKey();
        uploads.append(partUnder(recording, key));

        assertThat(references.isReferenced(key)).isTrue();

        uploads.finish(recording.id());
        assertThat(references.isReferenced(key)).isFalse();
    }

    @Test
    void thePartsOfARecordingNoLongerInProgressAreReferencedByNothing() throws IOException {
        Recording stopped = recordings.save(aRecording().build());
        Recording completed = recordings.save(aRecording().build());
        String stoppedPart = newKey();
        String completedPart = newKey();
        uploads.append(partUnder(stopped, stoppedPart));
        uploads.append(partUnder(completed, completedPart));

        recordings.save(stopped.withState(RecordingState.STOPPED));
        recordings.save(completed.withState(RecordingState.COMPLETED));

        assertThat(references.isReferenced(stoppedPart)).isFalse();
        assertThat(references.isReferenced(completedPart)).isFalse();
    }

    /**
     * Past the grace period, the sweeper keeps the chunks of a paused upload and removes those of an abandoned one;
     * the content of a recording stays whatever its state.
     */
    @Test
    void theSweeperKeepsAPausedUploadAndRemovesAnAbandonedOne(@TempDir Path store) throws IOException {
        FilesystemContentBackend backend = new FilesystemContentBackend(store);
        Recording paused = recordings.save(aRecording().build());
        Recording abandoned = recordings.save(aRecording().build());
        String pausedPart = stored(backend);
        String abandonedPart = stored(backend);
        String content = stored(backend);
        uploads.append(partUnder(paused, pausedPart));
        uploads.append(partUnder(abandoned, abandonedPart));
        recordings.save(abandoned.withState(RecordingState.STOPPED));
        recordings.save(aRecording()
                .state(RecordingState.STOPPED)
                .content(contentUnder(content))
                .build());
        Duration grace = Duration.ofHours(24);
        Clock pastTheGracePeriod = Clock.fixed(Instant.now().plus(grace).plusSeconds(60), ZoneOffset.UTC);

        SweepReport report = new ContentSweeper(backend, references, pastTheGracePeriod, grace).sweep();

        assertThat(report.orphansRemoved()).isEqualTo(1);
        assertThat(backend.exists(pausedPart)).isTrue();
        assertThat(backend.exists(abandonedPart)).isFalse();
        assertThat(backend.exists(content)).isTrue();
    }

    /**
     * SAF-4: a completed chunked upload's parts are its content. Past the grace period the sweeper keeps every part of
     * a content a recording carries, whatever the recording's state, and removes the parts of an upload abandoned
     * before it completed and those of a content the recording no longer carries (a later upload replaced it).
     */
    @Test
    void theSweeperKeepsThePartsOfACompletedUploadAndRemovesThoseOfAnAbandonedOrReplacedOne(@TempDir Path store)
            throws IOException {
        FilesystemContentBackend backend = new FilesystemContentBackend(store);
        Recording completed = recordings.save(aRecording().build());
        Recording abandoned = recordings.save(aRecording().build());
        Recording replaced = recordings.save(aRecording().build());
        String completedFirst = stored(backend);
        String completedSecond = stored(backend);
        String completedList = stored(backend);
        String abandonedFirst = stored(backend);
        String abandonedSecond = stored(backend);
        String replacedPart = stored(backend);
        String replacedList = stored(backend);
        String replacement = stored(backend);
        uploads.append(partUnder(completed, completedFirst));
        uploads.append(partUnder(completed, completedSecond, 3));
        uploads.append(partUnder(abandoned, abandonedFirst));
        uploads.append(partUnder(abandoned, abandonedSecond, 3));
        uploads.append(partUnder(replaced, replacedPart));
        database.runInUnitOfWork(() -> {
            recordings.save(
                    completed.toBuilder().content(contentUnder(completedList)).build());
            uploads.complete(completed.id(), completedList);
        });
        database.runInUnitOfWork(() -> {
            recordings.save(
                    replaced.toBuilder().content(contentUnder(replacedList)).build());
            uploads.complete(replaced.id(), replacedList);
        });
        recordings.save(recordings.find(completed.id()).orElseThrow().withState(RecordingState.COMPLETED));
        recordings.save(abandoned.withState(RecordingState.STOPPED));
        recordings.save(recordings.find(replaced.id()).orElseThrow().toBuilder()
                .content(contentUnder(replacement))
                .build());
        Duration grace = Duration.ofHours(24);
        Clock pastTheGracePeriod = Clock.fixed(Instant.now().plus(grace).plusSeconds(60), ZoneOffset.UTC);

        assertThat(uploads.parts(completed.id()))
                .as("no longer an upload in progress")
                .isEmpty();
        assertThat(uploads.contentParts(completedList)).containsExactly(completedFirst, completedSecond);
        SweepReport report = new ContentSweeper(backend, references, pastTheGracePeriod, grace).sweep();

        assertThat(backend.exists(completedFirst)).isTrue();
        assertThat(backend.exists(completedSecond)).isTrue();
        assertThat(backend.exists(completedList)).isTrue();
        assertThat(backend.exists(replacement)).isTrue();
        assertThat(backend.exists(abandonedFirst)).isFalse();
        assertThat(backend.exists(abandonedSecond)).isFalse();
        assertThat(backend.exists(replacedPart)).isFalse();
        assertThat(backend.exists(replacedList)).isFalse();
        assertThat(report.orphansRemoved()).isEqualTo(4);
    }

    @Test
    void completingAnUploadThatRollsBackLeavesItsPartsAnUploadInProgress() {
        Recording recording = recordings.save(aRecording().build());
        String part = newKey();
        uploads.append(partUnder(recording, part));

        assertThatThrownBy(() -> database.runInUnitOfWork(() -> {
                    uploads.complete(recording.id(), newKey());
                    throw new IllegalStateException("attaching the content failed");
                }))
                .hasMessage("attaching the content failed");

        assertThat(uploads.parts(recording.id())).extracting(UploadPart::key).containsExactly(part);
    }

    @Test
    void aDatabaseThatCannotAnswerIsAnIoExceptionNotANo() {
        Database closed = Database.open(
                DatabaseSettings.of("jdbc:h2:mem:closed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""),
                PersistentRepositories.ENTITIES);
        closed.close();

        assertThatThrownBy(() -> new DatabaseContentReferences(closed).isReferenced(newKey()))
                .isInstanceOf(IOException.class);
    }

    private static UploadPart partUnder(Recording recording, String key) {
        return partUnder(recording, key, 0);
    }

    private static UploadPart partUnder(Recording recording, String key, long start) {
        return new UploadPart(recording.id(), start, 3, "audio/webm", key, "a".repeat(64), "b".repeat(40));
    }

    /** @return the key of a new committed object in the backend */
    private static String stored(FilesystemContentBackend backend) throws IOException {
        String key = newKey();
        backend.write(key, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        return key;
    }

    private static String newKey() {
        String uuid = UUID.randomUUID().toString();
        return "recordings/" + uuid.substring(0, 2) + "/" + uuid;
    }

    private static RecordedContent contentUnder(String key) {
        return new RecordedContent(key, "audio/webm", 3, "a".repeat(64), "b".repeat(40));
    }

    private static Recording.Builder aRecording() {
        return Recording.builder()
                .id(RecordingId.random())
                .patient(PatientId.random())
                .site(SiteId.of("riverside-surgery"))
                .policyVersion(1)
                .kind(RecordingKind.CONSULTATION)
                .mediaType(MediaType.AUDIO)
                .initiator(Initiator.CLINICIAN)
                .mode(RecordingMode.OVERT)
                .purposes(Set.of(Purpose.DIRECT_CARE))
                .operator(UserId.of("dr-okafor"))
                .state(RecordingState.IN_PROGRESS)
                .startedAt(Instant.parse("2026-03-02T09:00:00Z"));
    }
}
