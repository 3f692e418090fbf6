/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.audit.AuditChainWatch;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.audit.IntegrityFailureAudit;
import org.openmrs.module.patientrecordings.consent.ConsentService;
import org.openmrs.module.patientrecordings.consent.StoredPatientConsents;
import org.openmrs.module.patientrecordings.disclosure.DisclosureService;
import org.openmrs.module.patientrecordings.disposal.ContentEraser;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.ingest.DatabaseContentReferences;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseSettings;
import org.openmrs.module.patientrecordings.persistence.IdempotentCreator;
import org.openmrs.module.patientrecordings.persistence.PersistentRepositories;
import org.openmrs.module.patientrecordings.persistence.audit.JpaAuditLog;
import org.openmrs.module.patientrecordings.persistence.recording.JpaUploadProgress;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.recording.RecordingRetention;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.register.RegisterQueries;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRegistry;
import org.openmrs.module.patientrecordings.retention.RetentionService;
import org.openmrs.module.patientrecordings.site.PolicyFileService;
import org.openmrs.module.patientrecordings.site.RetentionScheduleService;
import org.openmrs.module.patientrecordings.site.SitePolicyService;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;
import org.openmrs.module.patientrecordings.standalone.fhir.HostFhirProviders;
import org.openmrs.module.patientrecordings.standalone.fhir.NoteLookup;
import org.openmrs.module.patientrecordings.standalone.host.HostDirectory;
import org.openmrs.module.patientrecordings.standalone.host.HostSchema;
import org.openmrs.module.patientrecordings.standalone.security.BasicAuthenticationFilter;
import org.openmrs.module.patientrecordings.standalone.security.PasswordHasher;
import org.openmrs.module.patientrecordings.standalone.security.RequestCurrentUser;
import org.openmrs.module.patientrecordings.standalone.security.SessionAuthenticationFilter;
import org.openmrs.module.patientrecordings.standalone.security.SessionServlet;
import org.openmrs.module.patientrecordings.standalone.security.SignInSessions;
import org.openmrs.module.patientrecordings.standalone.security.UserAccounts;
import org.openmrs.module.patientrecordings.standalone.web.HealthProbe;
import org.openmrs.module.patientrecordings.standalone.web.HealthServlet;
import org.openmrs.module.patientrecordings.standalone.web.WebServer;
import org.openmrs.module.patientrecordings.storage.ContentKeyring;
import org.openmrs.module.patientrecordings.storage.ContentSweeper;
import org.openmrs.module.patientrecordings.storage.CryptoWarmUp;
import org.openmrs.module.patientrecordings.storage.EncryptedContentStore;
import org.openmrs.module.patientrecordings.storage.MasterKeyFile;
import org.openmrs.module.patientrecordings.storage.filesystem.FilesystemContentBackend;
import org.openmrs.module.patientrecordings.storage.s3.S3ContentBackend;
import org.openmrs.module.patientrecordings.web.UnitOfWorkFilter;
import org.openmrs.module.patientrecordings.web.UnitOfWorkGate;
import org.openmrs.module.patientrecordings.web.admin.AdminApiServlet;
import org.openmrs.module.patientrecordings.web.fhir.DatabaseConditionalCreates;
import org.openmrs.module.patientrecordings.web.fhir.EncryptedContent;
import org.openmrs.module.patientrecordings.web.fhir.FhirServerDependencies;
import org.openmrs.module.patientrecordings.web.fhir.FhirServerSettings;
import org.openmrs.module.patientrecordings.web.fhir.PatientRecordingsFhirServer;
import org.openmrs.module.patientrecordings.web.fhir.RequestAuthenticator;
import org.openmrs.module.patientrecordings.web.shell.ShellServlet;
import org.openmrs.module.patientrecordings.web.shell.ShellSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the standalone server: builds the database, the content backend, the audit log, the
 * repositories, the services and the web server by hand (constructor injection, no framework), runs the first-start
 * steps and the periodic sweeps, and takes it all down again in reverse order.
 *
 * <p>The seams the integration of other branches changes, one method each: {@link #moduleEntities()} with
 * {@link #repositories(Database, Clock)} (JPA repositories), {@link #fhirServlet(Services)} (the module's FHIR server) and
 * {@link #contentBackend(StandaloneConfig)} (the encrypted content store).
 */
public final class StandaloneApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneApplication.class);

    /** How much throwaway data the start-up warm-up encrypts, decrypts and hashes (CryptoWarmUp). */
    private static final long CRYPTO_WARM_UP_BYTES = 64L * 1024 * 1024;

    /** The browser shell at {@code /}: the module's FHIR base and administration API, the host's FHIR, sign-in. */
    static final ShellSettings SHELL = new ShellSettings("/fhir", "/admin", "/fhir", null, "/session", "standalone");

    private final Database database;
    private final Services services;
    private final ScheduledSweeps sweeps;
    private final H2FileCompaction compaction;
    private final WebServer web;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StandaloneApplication(
            Database database, Services services, ScheduledSweeps sweeps, H2FileCompaction compaction, WebServer web) {
        this.database = database;
        this.services = services;
        this.sweeps = sweeps;
        this.compaction = compaction;
        this.web = web;
    }

    /**
     * Starts a server: data directory and master key, database migrated, first-start data, sweeps, HTTP.
     *
     * @throws IllegalStateException (or a subclass) naming what failed; whatever was started is stopped again
     */
    public static StandaloneApplication start(StandaloneConfig config) {
        long began = System.nanoTime();
        // Said at once, not after the database and the demo data were set up.
        StartBanner.requireFreePort(config.bindAddress(), config.port());
        FirstStart.prepareDataDirectory(config);
        Clock clock = Clock.systemUTC();
        Database database = openDatabase(config.database());
        ScheduledSweeps sweeps = null;
        H2FileCompaction compaction = null;
        try {
            compaction = H2FileCompaction.startIfH2File(
                    database.dataSource(), config.database().jdbcUrl());
            ContentBackend content = contentBackend(config);
            Services services = services(database, content, keyring(config), clock);
            FirstStart.createUsersAndDemoData(config, services);
            SignInSessions sessions =
                    new SignInSessions(clock, config.sessionTimeout(), StandaloneConfig.SESSION_MAX_AGE);
            AuditChainWatch auditChain = new AuditChainWatch(services.audit());
            sweeps = ScheduledSweeps.start(
                    services,
                    new ContentSweeper(
                            content, new DatabaseContentReferences(database), clock, config.contentGracePeriod()),
                    auditChain,
                    config.sweepInterval(),
                    config.shutdownTimeout());
            WebServer web = WebServer.start(
                    new WebServer.Mounts(
                            new SessionAuthenticationFilter(sessions, services.currentUser()),
                            new BasicAuthenticationFilter(services.users(), services.currentUser()),
                            new HealthServlet(new HealthProbe(database, content, auditChain, version())),
                            fhirServlet(services),
                            adminServlet(services),
                            new UnitOfWorkFilter(
                                    database, new UnitOfWorkGate(config.connectionBudget(), config.reservedRequests())),
                            new SessionServlet(services.users(), sessions),
                            new ShellServlet(SHELL)),
                    config.bindAddress(),
                    config.port(),
                    config.shutdownTimeout(),
                    config.forwardedHeaders());
            LOG.info(
                    "event=started version={} port={} database={} store={} startupMs={}",
                    version(),
                    web.port(),
                    engine(config),
                    config.objectStore().isPresent() ? "s3" : "filesystem",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
            // The first upload then runs at the warm speed (AES-GCM and GHASH compiled, intrinsics in use).
            CryptoWarmUp.startInBackground(CRYPTO_WARM_UP_BYTES, new CryptoWarmUp.Outcome() {
                @Override
                public void warmed(long bytes, Duration took) {
                    LOG.info("event=crypto_warmed_up bytes={} ms={}", bytes, took.toMillis());
                }

                @Override
                public void failed(Exception cause) {
                    LOG.warn("event=crypto_warm_up_failed cause={}", cause.toString());
                }
            });
            StartBanner.lines(config, web.port(), config.demoData() ? DemoData.USERS : List.of())
                    .forEach(LOG::info);
            warnIfUnreachable(content, config);
            return new StandaloneApplication(database, services, sweeps, compaction, web);
        } catch (RuntimeException e) {
            if (sweeps != null) {
                sweeps.close();
            }
            if (compaction != null) {
                compaction.close();
            }
            database.close();
            throw e;
        }
    }

    /** The port the server listens on. */
    public int port() {
        return web.port();
    }

    /** The services, for tests and for the web layer. */
    public Services services() {
        return services;
    }

    /**
     * Stops gracefully, once: HTTP first (requests in progress finish within the shutdown timeout), then the sweeps
     * and the database file's compaction, then the database. Later calls do nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("event=stopping");
        try {
            web.close();
        } catch (Exception e) {
            LOG.warn("event=http_stop_failed", e);
        }
        sweeps.close();
        compaction.close();
        database.close();
        LOG.info("event=stopped");
    }

    /** The module's entity classes to map: the audit log, idempotency keys and the repositories. */
    static List<Class<?>> moduleEntities() {
        return PersistentRepositories.ENTITIES;
    }

    /**
     * The repositories of recordings, consents, registers, site policies and administered retention schedules, in the
     * database; the recordings' last change times come from the clock.
     */
    static Repositories repositories(Database database, Clock clock) {
        PersistentRepositories stored = new PersistentRepositories(database, clock);
        return new Repositories(
                stored.recordings(),
                stored.consents(),
                stored.registers(),
                stored.sitePolicies(),
                stored.retentionSchedules());
    }

    /**
     * The module's FHIR R4 server at {@code /fhir/*}. Authentication is the Basic filter's, which has bound the user
     * to the request thread before the server sees the request.
     */
    static HttpServlet fhirServlet(Services services) {
        RequestAuthenticator alreadyAuthenticated = new RequestAuthenticator() {
            @Override
            public Optional<Scope> authenticate(HttpServletRequest request) {
                return services.currentUser().current().map(actor -> () -> {});
            }

            @Override
            public Optional<String> challenge() {
                return Optional.of("Basic realm=\"" + BasicAuthenticationFilter.REALM + "\"");
            }
        };
        PatientRecordingsFhirServer server = new PatientRecordingsFhirServer(
                new FhirServerDependencies(
                        services.recordings(),
                        services.consents(),
                        services.registers(),
                        services.disclosure(),
                        services.registerEntries(),
                        services.audit(),
                        services.guard(),
                        services.store()),
                FhirServerSettings.defaults("Patient Recordings"),
                alreadyAuthenticated,
                // Conditional creates and chunked uploads hold across restarts and across servers sharing the database.
                new DatabaseConditionalCreates(new IdempotentCreator(services.database(), services.clock())),
                new JpaUploadProgress(services.database()));
        // The host's own data (patients, sites, encounters, notes) through FHIR, so an external system works end to
        // end; a new encounter or a recorded death recomputes retention (REC-2).
        server.registerProviders(HostFhirProviders.create(
                services.host(),
                new NoteLookup(services.database()),
                services.guard(),
                patient -> services.retention().recompute(patient)));
        return server;
    }

    /** The administration API at {@code /admin/*}. */
    static HttpServlet adminServlet(Services services) {
        return new AdminApiServlet(
                services.sitePolicies(),
                services.schedules(),
                services.policyFiles(),
                services.registers(),
                services.disposal(),
                services.guard());
    }

    /** Where content bytes live: the S3-compatible store when configured, else {@code <data-dir>/content}. */
    static ContentBackend contentBackend(StandaloneConfig config) {
        return config.objectStore()
                .<ContentBackend>map(s3 -> new S3ContentBackend(s3.settings().newClient(), s3.bucket()))
                .orElseGet(() -> {
                    try {
                        return new FilesystemContentBackend(config.contentDir());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot open the content directory " + config.contentDir(), e);
                    }
                });
    }

    /**
     * The content keyset, encrypted under the master key file that configuration names (never the database); both
     * are created on first start.
     */
    static ContentKeyring keyring(StandaloneConfig config) {
        try {
            MasterKeyFile master = MasterKeyFile.loadOrInitialise(config.masterKeyFile(), config.contentKeysetFile());
            return ContentKeyring.open(config.contentKeysetFile(), master);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the content keys: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the database the way the server does: host tables migrated by their changelog, then the module's
     * changelog, then every entity class mapped and validated.
     */
    public static Database openDatabase(DatabaseSettings settings) {
        HostSchema.migrate(settings);
        List<Class<?>> entities = new ArrayList<>(moduleEntities());
        entities.addAll(HostDirectory.ENTITIES);
        entities.addAll(UserAccounts.ENTITIES);
        return Database.open(settings, entities);
    }

    static Services services(Database database, ContentBackend content, ContentKeyring keyring, Clock clock) {
        Repositories repositories = repositories(database, clock);
        RequestCurrentUser currentUser = new RequestCurrentUser();
        AuditLog audit = new JpaAuditLog(database);
        AccessGuard guard = new AccessGuard(currentUser, audit, clock);
        UserAccounts users = new UserAccounts(database, new PasswordHasher(), clock);
        HostDirectory host = HostDirectory.over(database, clock, users::nameOf);
        RetentionScheduleRegistry schedules =
                RetentionScheduleRegistry.withEnglandDefaults(repositories.retentionSchedules());
        RetentionService retentionService = new RetentionService(schedules::schedules);
        RecordingRetention retention = new RecordingRetention(
                retentionService, host.patients(), repositories.sitePolicies(), repositories.recordings());
        RecordingService recordings = new RecordingService(
                repositories.recordings(),
                new StoredPatientConsents(repositories.consents()),
                repositories.sitePolicies(),
                host.sites(),
                new RegisterQueries(repositories.registers()),
                host.patients(),
                host.encounters(),
                host.notes(),
                retention,
                guard);
        ConsentService consents = new ConsentService(
                repositories.consents(),
                repositories.recordings(),
                recordings,
                repositories.sitePolicies(),
                host.patients(),
                host.notes(),
                guard);
        SitePolicyService sitePolicies =
                new SitePolicyService(repositories.sitePolicies(), host.sites(), schedules::jurisdictions, guard);
        RetentionScheduleService scheduleService = new RetentionScheduleService(schedules, guard);
        EncryptedContentStore encrypted = new EncryptedContentStore(
                content,
                keyring,
                new IntegrityFailureAudit(audit, () -> currentUser.current().map(Actor::user), clock));
        return new Services(
                recordings,
                consents,
                new RegisterService(repositories.registers(), host.patients(), host.notes(), guard),
                sitePolicies,
                scheduleService,
                new PolicyFileService(sitePolicies, scheduleService, guard),
                new DisposalService(
                        repositories.recordings(),
                        recordings,
                        repositories.registers(),
                        new JpaUploadProgress(database),
                        eraser(content),
                        database,
                        guard),
                new DisclosureService(
                        repositories.recordings(),
                        recordings,
                        repositories.consents(),
                        repositories.registers(),
                        audit,
                        guard),
                retention,
                audit,
                host,
                users,
                currentUser,
                guard,
                repositories.registers(),
                content,
                new EncryptedContent(encrypted, content),
                clock,
                database);
    }

    /**
     * Says at once when the content store does not answer at start (an S3 endpoint down or misnamed): the server
     * runs, and what needs the store answers 503 until it does.
     */
    private static void warnIfUnreachable(ContentBackend content, StandaloneConfig config) {
        try {
            content.exists("health/probe");
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "event=store_unreachable store={} cause=\"{}\" advice=\"uploads and playback answer 503 until the"
                            + " store answers; /health shows the store down\"",
                    config.objectStore().isPresent() ? "s3" : "filesystem",
                    e.getMessage());
        }
    }

    private static ContentEraser eraser(ContentBackend content) {
        return key -> {
            try {
                content.delete(key);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot erase content " + key, e);
            }
        };
    }

    /** The project version the server was built as. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = StandaloneApplication.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            LOG.warn("event=version_unreadable", e);
        }
        return properties.getProperty("version", "unknown");
    }

    /** The database engine named by the JDBC URL (never the URL, which may carry credentials). */
    private static String engine(StandaloneConfig config) {
        String url = config.database().jdbcUrl();
        int end = url.indexOf(':', 5);
        return end < 0 ? "unknown" : url.substring(5, end);
    }
}
