/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.disposal.ContentEraser;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.MediaType;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.DatabaseSettings;
import org.openmrs.module.patientrecordings.persistence.PersistentRepositories;
import org.openmrs.module.patientrecordings.persistence.recording.JpaUploadProgress;
import org.openmrs.module.patientrecordings.policy.ConsentFact;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.port.SiteDirectory;
import org.openmrs.module.patientrecordings.recording.PatientConsents;
import org.openmrs.module.patientrecordings.recording.RecordedContent;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingRetention;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.register.RegisterQueries;
import org.openmrs.module.patientrecordings.retention.RetentionService;
import org.openmrs.module.patientrecordings.storage.ContentIntegrityException;
import org.openmrs.module.patientrecordings.storage.ContentKeyring;
import org.openmrs.module.patientrecordings.storage.ContentSweeper;
import org.openmrs.module.patientrecordings.storage.EncryptedContentStore;
import org.openmrs.module.patientrecordings.storage.MasterKeyFile;
import org.openmrs.module.patientrecordings.storage.filesystem.FilesystemContentBackend;
import org.openmrs.module.patientrecordings.support.FakeClinicalNotes;
import org.openmrs.module.patientrecordings.support.FakeEncounterDirectory;
import org.openmrs.module.patientrecordings.support.FakePatientDirectory;
import org.openmrs.module.patientrecordings.support.SwitchableCurrentUser;

/**
 * One installation's ingest path, as the application wires it: the module's database (every entity, the real
 * schema), a filesystem content store encrypted under a master key file in a data directory, and the recording
 * service (over that database, with fake host directories) as the attachment step, run by a clinician. Opening it
 * again over the same directory and database is what a restart does.
 */
final class IngestSite implements AutoCloseable {

    static final String CONTENT_TYPE = "audio/webm";

    private static final PatientId PATIENT = PatientId.of("patient-crash-safety");
    private static final SiteId SITE = SiteId.of("riverside-surgery");
    private static final UserId CLINICIAN = UserId.of("dr-okafor");

    private final PersistentRepositories repositories;
    private final FilesystemContentBackend backend;
    private final EncryptedContentStore store;
    private final List<ContentIntegrityException> integrityFailures = new CopyOnWriteArrayList<>();
    private final RecordingService recordingService;

    private IngestSite(PersistentRepositories repositories, FilesystemContentBackend backend, ContentKeyring keyring) {
        this.repositories = repositories;
        this.backend = backend;
        this.store = new EncryptedContentStore(backend, keyring, integrityFailures::add);
        this.recordingService = recordingService(repositories);
    }

    /** Creates the master key and content keyset of a new data directory, once, before any site opens it. */
    static void initialise(Path dataDirectory) throws IOException {
        MasterKeyFile master = MasterKeyFile.initialise(dataDirectory.resolve("master.key"));
        ContentKeyring.open(keysetFile(dataDirectory), master);
    }

    /** Opens the site over a data directory made by {@link #initialise} and the database at {@code jdbcUrl}. */
    static IngestSite open(Path dataDirectory, String jdbcUrl) throws IOException {
        MasterKeyFile master = MasterKeyFile.load(dataDirectory.resolve("master.key"));
        ContentKeyring keyring = ContentKeyring.open(keysetFile(dataDirectory), master);
        FilesystemContentBackend backend = new FilesystemContentBackend(dataDirectory.resolve("content"));
        PersistentRepositories repositories = PersistentRepositories.open(
                DatabaseSettings.of(jdbcUrl, "sa", "").withMaximumPoolSize(3));
        return new IngestSite(repositories, backend, keyring);
    }

    /** The ingest path with an observer listening in. */
    ContentIngest ingest(IngestObserver observer) {
        return new ContentIngest(store, repositories.database(), recordingService::attachContent, observer);
    }

    /** The database step of the ingest: the recording service's {@code attachContent}. */
    ContentAttachment attachment() {
        return recordingService::attachContent;
    }

    /** The ingest path as the application has it. */
    ContentIngest ingest() {
        return new ContentIngest(store, repositories.database(), recordingService::attachContent);
    }

    /** Saves (commits) a consultation recording in progress, waiting for its content. */
    Recording recordingInProgress(RecordingId id) {
        return repositories
                .recordings()
                .save(Recording.builder()
                        .id(id)
                        .patient(PATIENT)
                        .site(SITE)
                        .policyVersion(1)
                        .kind(RecordingKind.CONSULTATION)
                        .mediaType(MediaType.AUDIO)
                        .initiator(Initiator.CLINICIAN)
                        .mode(RecordingMode.OVERT)
                        .purposes(Set.of(Purpose.DIRECT_CARE))
                        .operator(CLINICIAN)
                        .state(RecordingState.IN_PROGRESS)
                        .startedAt(Instant.now())
                        .build());
    }

    /** Every recording the database holds, through the repository, oldest first. */
    List<Recording> allRecordings() {
        List<Recording> all = new ArrayList<>();
        List<Recording> page;
        do {
            page = repositories.recordings().findAll(all.size(), 500);
            all.addAll(page);
        } while (!page.isEmpty());
        return all;
    }

    /** Reads a recording's whole content back through the store (which checks it) and hashes it. */
    String readBackSha256(RecordedContent content) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(store.openStream(content.key(), content.sha256()), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Everything the content backend holds, committed and temporary. */
    List<ContentBackend.Entry> storedObjects() throws IOException {
        try (Stream<ContentBackend.Entry> entries = backend.list("")) {
            return entries.toList();
        }
    }

    /** A sweeper over this site's store and database. */
    ContentSweeper sweeper(Clock clock, Duration grace) {
        return sweeper(backend, clock, grace);
    }

    /** A sweeper over this site's database and the backend given (this site's, observed). */
    ContentSweeper sweeper(ContentBackend over, Clock clock, Duration grace) {
        return new ContentSweeper(over, new DatabaseContentReferences(repositories.database()), clock, grace);
    }

    EncryptedContentStore store() {
        return store;
    }

    /**
     * Disposal over this site's database and store, as a records manager: the recordings' content and the chunks of
     * unfinished uploads erased from the store (REC-4).
     */
    DisposalService disposal(Actor recordsManager) {
        return disposal(recordsManager, UnaryOperator.identity());
    }

    /** Disposal as {@link #disposal(Actor)}, its eraser wrapped by {@code around} (to observe the erasures). */
    DisposalService disposal(Actor recordsManager, UnaryOperator<ContentEraser> around) {
        SwitchableCurrentUser manager = new SwitchableCurrentUser();
        manager.logIn(recordsManager);
        ContentEraser eraser = key -> {
            try {
                backend.delete(key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return new DisposalService(
                repositories.recordings(),
                recordingService,
                repositories.registers(),
                new JpaUploadProgress(repositories.database()),
                around.apply(eraser),
                repositories.database(),
                new AccessGuard(manager, repositories.auditLog(), Clock.systemUTC()));
    }

    FilesystemContentBackend backend() {
        return backend;
    }

    PersistentRepositories repositories() {
        return repositories;
    }

    List<ContentIntegrityException> integrityFailures() {
        return integrityFailures;
    }

    @Override
    public void close() {
        repositories.close();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path keysetFile(Path dataDirectory) {
        return dataDirectory.resolve("content-keyset.json");
    }

    private static RecordingService recordingService(PersistentRepositories repositories) {
        FakePatientDirectory patients = new FakePatientDirectory();
        SwitchableCurrentUser currentUser = new SwitchableCurrentUser();
        currentUser.logIn(new Actor(CLINICIAN, EnumSet.of(Privilege.VIEW_RECORDINGS, Privilege.CREATE_RECORDINGS)));
        return new RecordingService(
                repositories.recordings(),
                new NoConsents(),
                repositories.sitePolicies(),
                id -> Optional.of(new SiteDirectory.Site(id, "Ingest site")),
                new RegisterQueries(repositories.registers()),
                patients,
                new FakeEncounterDirectory(),
                new FakeClinicalNotes(),
                new RecordingRetention(
                        RetentionService.englandOnly(),
                        patients,
                        repositories.sitePolicies(),
                        repositories.recordings()),
                new AccessGuard(currentUser, repositories.auditLog(), Clock.systemUTC()));
    }

    /** Attaching content consults no consent. */
    private static final class NoConsents implements PatientConsents {
        @Override
        public List<ConsentFact> of(PatientId patient) {
            return List.of();
        }

        @Override
        public List<ConsentFact> bearingOn(PatientId patient, RecordingId recording) {
            return List.of();
        }
    }
}
