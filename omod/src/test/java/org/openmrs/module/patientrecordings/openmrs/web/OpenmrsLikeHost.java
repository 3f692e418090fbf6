/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.audit.InMemoryAuditLog;
import org.openmrs.module.patientrecordings.audit.IntegrityFailureAudit;
import org.openmrs.module.patientrecordings.consent.ConsentService;
import org.openmrs.module.patientrecordings.consent.InMemoryConsentRepository;
import org.openmrs.module.patientrecordings.consent.StoredPatientConsents;
import org.openmrs.module.patientrecordings.disclosure.DisclosureService;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.hosting.GuardedServlet;
import org.openmrs.module.patientrecordings.hosting.ModuleAvailability;
import org.openmrs.module.patientrecordings.hosting.UnavailableAnswer;
import org.openmrs.module.patientrecordings.policy.MissingNoteHandling;
import org.openmrs.module.patientrecordings.policy.NoFilmingArea;
import org.openmrs.module.patientrecordings.policy.SecondaryPurposeRule;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.TelephonePolicy;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;
import org.openmrs.module.patientrecordings.port.CurrentUser;
import org.openmrs.module.patientrecordings.port.EncounterDirectory;
import org.openmrs.module.patientrecordings.port.PatientDirectory;
import org.openmrs.module.patientrecordings.port.SiteDirectory;
import org.openmrs.module.patientrecordings.recording.InMemoryRecordingRepository;
import org.openmrs.module.patientrecordings.recording.InMemoryUploadProgress;
import org.openmrs.module.patientrecordings.recording.RecordingRetention;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.register.InMemoryRegisterRepository;
import org.openmrs.module.patientrecordings.register.RegisterQueries;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.retention.InMemoryRetentionScheduleRepository;
import org.openmrs.module.patientrecordings.retention.RecordClass;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRegistry;
import org.openmrs.module.patientrecordings.retention.RetentionService;
import org.openmrs.module.patientrecordings.settings.Setting;
import org.openmrs.module.patientrecordings.site.InMemorySitePolicyRepository;
import org.openmrs.module.patientrecordings.site.PolicyFileService;
import org.openmrs.module.patientrecordings.site.RetentionScheduleService;
import org.openmrs.module.patientrecordings.site.SitePolicyService;
import org.openmrs.module.patientrecordings.storage.ContentKeyring;
import org.openmrs.module.patientrecordings.storage.EncryptedContentStore;
import org.openmrs.module.patientrecordings.storage.MasterKeyFile;
import org.openmrs.module.patientrecordings.storage.filesystem.FilesystemContentBackend;
import org.openmrs.module.patientrecordings.web.admin.AdminApiServlet;
import org.openmrs.module.patientrecordings.web.fhir.EncryptedContent;
import org.openmrs.module.patientrecordings.web.fhir.FhirServerDependencies;
import org.openmrs.module.patientrecordings.web.fhir.FhirServerSettings;
import org.openmrs.module.patientrecordings.web.fhir.IdempotencyKeys;
import org.openmrs.module.patientrecordings.web.fhir.PatientRecordingsFhirServer;
import org.openmrs.module.patientrecordings.web.fhir.RequestAuthenticator;
import org.openmrs.module.patientrecordings.web.fhir.host.HostAccess;
import org.openmrs.module.patientrecordings.web.fhir.host.HostEncounterReadProvider;
import org.openmrs.module.patientrecordings.web.fhir.host.HostLocationReadProvider;
import org.openmrs.module.patientrecordings.web.fhir.host.HostPatientReadProvider;
import org.openmrs.module.patientrecordings.web.fhir.host.HostRecords;

/**
 * The module's two API servlets inside a servlet container that behaves, where SAF-3 is concerned, as OpenMRS does
 * for the adapter, on an embedded Jetty 12 at a free loopback port:
 *
 * <ul>
 *   <li>the web application at {@code /openmrs}; a filter on {@value ModulePaths#PUBLIC_PREFIX}{@code /*} that
 *       authenticates HTTP Basic credentials against the host's users, marks credentials that fail, and forwards to
 *       {@link ModulePaths#forwardTarget} (the adapter's {@code PatientRecordingsAuthenticationFilter});
 *   <li>OpenMRS' module servlet dispatch at {@code /ms/*}, which hands {@code /ms/patientrecordings/<name>/...} to the
 *       module servlet of that name; the module servlets are {@link GuardedServlet}s that wrap each request with
 *       {@link ModuleServletRequest} under their base, as {@code PatientRecordingsFhirServlet} and {@code
 *       PatientRecordingsAdminServlet} do (without their unit of work, which only binds OpenMRS' database session);
 *   <li>the FHIR server as {@code FhirServerFactory} composes it (the adapter's server name, the public base address,
 *       the global properties' default upload limit and page sizes, a request admitted only when someone is
 *       authenticated and no credentials failed, OpenMRS' patients, encounters and locations read-only through
 *       {@link HostRecords}), and the administration API over the same services, wired as {@code
 *       ServicesConfiguration} wires them, over in-memory stores;
 *   <li>a {@link CurrentUser} that behaves as {@code OpenmrsCurrentUser}: the user of the request's thread holds
 *       OpenMRS privilege <em>names</em>, and each {@link Privilege} is theirs when the host, asked by its {@link
 *       Privilege#privilegeName()}, says they hold it ({@code Context.hasPrivilege}); the host's own data needs the
 *       host's privileges ("Get Patients", "Get Encounters", "Get Locations"), as {@code OpenmrsHostRecords} asks.
 * </ul>
 *
 * One patient with an encounter at one site whose policy allows the README's recording; more patients on demand.
 */
final class OpenmrsLikeHost implements AutoCloseable {

    /** OpenMRS' context path. */
    static final String CONTEXT = "/openmrs";

    /** OpenMRS' own privileges for its data, as {@code PrivilegeConstants} names them. */
    static final String GET_PATIENTS = "Get Patients";

    static final String GET_ENCOUNTERS = "Get Encounters";
    static final String GET_LOCATIONS = "Get Locations";

    static final SiteId SITE = SiteId.of("riverside-surgery");

    private static final String REFUSED = OpenmrsLikeHost.class.getName() + ".refused";

    /**
     * A user of the host: a UUID, and the OpenMRS privileges their roles give them, by name.
     *
     * @param privilegeNames what {@code Context.hasPrivilege} answers true for
     */
    record Account(UserId id, String username, String password, Set<String> privilegeNames) {}

    /** The user context of the request's thread, as OpenMRS' {@code Context} keeps it. */
    private final ThreadLocal<Account> session = new ThreadLocal<>();

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<PatientId, HostRecords.Patient> patients = new ConcurrentHashMap<>();
    private final Map<EncounterId, HostRecords.Encounter> encounters = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final PatientId patient;
    final EncounterId encounter;
    private final Server jetty;
    final int port;

    OpenmrsLikeHost(Path contentRoot, List<Account> users) throws Exception {
        users.forEach(a -> accounts.put(a.username(), a));
        patient = newPatient();
        encounter = EncounterId.of(UUID.randomUUID().toString());
        encounters.put(
                encounter,
                new HostRecords.Encounter(
                        encounter, patient, SITE, clock.instant().minus(1, ChronoUnit.HOURS), "GP consultation"));

        ModuleAvailability availability = new ModuleAvailability();
        Services services = services(contentRoot);
        GuardedServlet fhir = new GuardedServlet(availability, UnavailableAnswer.FHIR, "start the FHIR endpoint") {
            @Override
            protected Endpoint create(ServletConfig config) throws ServletException {
                PatientRecordingsFhirServer server = fhirServer(services);
                server.init(config);
                return new Endpoint() {
                    @Override
                    public void service(HttpServletRequest request, HttpServletResponse response)
                            throws ServletException, IOException {
                        ModuleServletRequest fhirRequest =
                                ModuleServletRequest.of(request, ModulePaths.SERVLET_FHIR_BASE);
                        if (fhirRequest == null) {
                            response.sendError(HttpServletResponse.SC_NOT_FOUND);
                            return;
                        }
                        server.service(fhirRequest, response);
                    }

                    @Override
                    public void close() {
                        server.destroy();
                    }
                };
            }
        };
        GuardedServlet admin =
                new GuardedServlet(availability, UnavailableAnswer.ADMIN, "start the administration API") {
                    @Override
                    protected Endpoint create(ServletConfig config) throws ServletException {
                        AdminApiServlet api = services.admin();
                        api.init(config);
                        return new Endpoint() {
                            @Override
                            public void service(HttpServletRequest request, HttpServletResponse response)
                                    throws ServletException, IOException {
                                ModuleServletRequest adminRequest =
                                        ModuleServletRequest.of(request, ModulePaths.SERVLET_ADMIN_BASE);
                                if (adminRequest == null) {
                                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                                    return;
                                }
                                api.service(adminRequest, response);
                            }

                            @Override
                            public void close() {
                                api.destroy();
                            }
                        };
                    }
                };

        jetty = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServletContextHandler context = new ServletContextHandler(CONTEXT);
        context.addServlet(
                new ServletHolder(new ModuleServletDispatch(Map.of(
                        ModulePaths.FHIR_SERVLET_NAME, fhir,
                        ModulePaths.ADMIN_SERVLET_NAME, admin))),
                "/ms/*");
        // As OpenMRS does in front of every request (Spring's CharacterEncodingFilter, forceEncoding).
        context.addFilter(
                (request, response, chain) -> {
                    response.setCharacterEncoding("UTF-8");
                    chain.doFilter(request, response);
                },
                "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(
                (request, response, chain) ->
                        authenticateAndForward((HttpServletRequest) request, (HttpServletResponse) response),
                ModulePaths.PUBLIC_PREFIX + "/*",
                EnumSet.of(DispatcherType.REQUEST));
        jetty.setHandler(context);
        jetty.start();
        port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** A new patient of the host's, with no encounter. */
    PatientId newPatient() {
        PatientId id = PatientId.of(UUID.randomUUID().toString());
        patients.put(
                id,
                new HostRecords.Patient(
                        id,
                        List.of(new HostRecords.Identifier(
                                null, "OM-" + id.value().substring(0, 8), null, "OpenMRS ID", true)),
                        List.of("Morgan"),
                        "Matrix",
                        AdministrativeGender.FEMALE,
                        LocalDate.of(1980, 5, 17),
                        false,
                        null));
        return id;
    }

    /** {@code Context.hasPrivilege(name)}: whether the user of this thread holds the OpenMRS privilege. */
    boolean hasPrivilege(String name) {
        Account user = session.get();
        return user != null && user.privilegeNames().contains(name);
    }

    /** As {@code PatientRecordingsAuthenticationFilter}: Basic credentials authenticate, then forward. */
    private void authenticateAndForward(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(ModulePaths.PUBLIC_PREFIX + "/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String authorization = request.getHeader("Authorization");
        Account user = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            user = authenticate(authorization.substring(6).trim()).orElse(null);
            if (user == null) {
                request.setAttribute(REFUSED, Boolean.TRUE);
            }
        }
        session.set(user);
        try {
            request.getRequestDispatcher(ModulePaths.forwardTarget(path)).forward(request, response);
        } finally {
            session.remove();
        }
    }

    private Optional<Account> authenticate(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        Account account = accounts.get(decoded.substring(0, colon));
        return account != null && account.password().equals(decoded.substring(colon + 1))
                ? Optional.of(account)
                : Optional.empty();
    }

    /** As {@code PatientRecordingsAuthenticationFilter.isAuthenticated}. */
    private boolean isAuthenticated(HttpServletRequest request) {
        return !Boolean.TRUE.equals(request.getAttribute(REFUSED)) && session.get() != null;
    }

    /** As {@code OpenmrsCurrentUser}: each privilege asked of the host by its OpenMRS name. */
    private final class NamedPrivilegesUser implements CurrentUser {

        @Override
        public Actor get() {
            Account user = session.get();
            if (user == null) {
                throw RuleViolationException.of(ErrorCode.SAF_3, "Nobody is authenticated", "user");
            }
            Set<Privilege> held = EnumSet.noneOf(Privilege.class);
            for (Privilege privilege : Privilege.values()) {
                if (hasPrivilege(privilege.privilegeName())) {
                    held.add(privilege);
                }
            }
            return new Actor(user.id(), user.username(), held);
        }

        Optional<UserId> user() {
            return Optional.ofNullable(session.get()).map(Account::id);
        }
    }

    /** The module's services over the host's ports and in-memory stores, as the adapter's Spring context holds them. */
    private record Services(
            FhirServerDependencies fhir,
            SitePolicyService policies,
            RetentionScheduleService schedules,
            RegisterService registers,
            DisposalService disposal,
            InMemoryUploadProgress uploads,
            AccessGuard guard) {

        /** As {@code PatientRecordingsAdminServlet.create}. */
        AdminApiServlet admin() {
            return new AdminApiServlet(
                    policies, schedules, new PolicyFileService(policies, schedules, guard), registers, disposal, guard);
        }
    }

    private Services services(Path contentRoot) throws IOException {
        NamedPrivilegesUser currentUser = new NamedPrivilegesUser();
        AccessGuard guard = new AccessGuard(currentUser, audit, clock);
        var recordings = new InMemoryRecordingRepository();
        var consents = new InMemoryConsentRepository();
        var registers = new InMemoryRegisterRepository();
        var policies = new InMemorySitePolicyRepository();
        policies.add(sitePolicy());
        SiteDirectory sites = new SiteDirectory() {
            @Override
            public Optional<Site> find(SiteId id) {
                return SITE.equals(id) ? Optional.of(new Site(SITE, "Riverside Surgery")) : Optional.empty();
            }

            @Override
            public List<Site> all() {
                return List.of(new Site(SITE, "Riverside Surgery"));
            }
        };
        // The host ports read with proxy privileges (HostPrivileges): behind a permitted action, never refused.
        PatientDirectory patientDirectory = id -> Optional.ofNullable(patients.get(id))
                .map(p -> new PatientDirectory.Patient(p.id(), "Morgan Matrix", p.birthDate(), null, null));
        EncounterDirectory encounterDirectory = id -> Optional.ofNullable(encounters.get(id))
                .map(e -> new EncounterDirectory.Encounter(e.id(), e.patient(), e.site(), e.start()));
        ClinicalNotes notes = new ClinicalNotes() {
            @Override
            public boolean hasNote(EncounterId id) {
                return encounters.containsKey(id);
            }

            @Override
            public void append(Note note) {
                // The notes are the host's; the matrix looks at the module's answers.
            }
        };
        RetentionScheduleRegistry registry =
                RetentionScheduleRegistry.withEnglandDefaults(new InMemoryRetentionScheduleRepository());
        RecordingRetention retention = new RecordingRetention(
                new RetentionService(registry::schedules), patientDirectory, policies, recordings);
        RecordingService recordingService = new RecordingService(
                recordings,
                new StoredPatientConsents(consents),
                policies,
                sites,
                new RegisterQueries(registers),
                patientDirectory,
                encounterDirectory,
                notes,
                retention,
                guard);
        ConsentService consentService =
                new ConsentService(consents, recordings, recordingService, policies, patientDirectory, notes, guard);
        RegisterService registerService = new RegisterService(registers, patientDirectory, notes, guard);

        // As FhirServerFactory.contentStore: encrypted over the host's storage, an integrity failure audited.
        Path keys = Files.createDirectories(contentRoot.resolve("keys"));
        FilesystemContentBackend backend = new FilesystemContentBackend(contentRoot.resolve("objects"));
        ContentKeyring keyring =
                ContentKeyring.open(keys.resolve("keyset.json"), MasterKeyFile.initialise(keys.resolve("master.key")));
        IntegrityFailureAudit integrity = new IntegrityFailureAudit(audit, currentUser::user, clock);
        EncryptedContent content =
                new EncryptedContent(new EncryptedContentStore(backend, keyring, integrity), backend);

        InMemoryUploadProgress uploads = new InMemoryUploadProgress();
        FhirServerDependencies fhir = new FhirServerDependencies(
                recordingService,
                consentService,
                registerService,
                new DisclosureService(recordings, recordingService, consents, registers, audit, guard),
                registers,
                audit,
                guard,
                content);
        SitePolicyService policyService = new SitePolicyService(policies, sites, registry::jurisdictions, guard);
        DisposalService disposal = new DisposalService(
                recordings,
                recordingService,
                registers,
                uploads,
                key -> {
                    try {
                        backend.delete(key);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot erase content " + key, e);
                    }
                },
                guard);
        return new Services(
                fhir,
                policyService,
                new RetentionScheduleService(registry, guard),
                registerService,
                disposal,
                uploads,
                guard);
    }

    /** As {@code FhirServerFactory.create}, with the global properties' defaults. */
    private PatientRecordingsFhirServer fhirServer(Services services) {
        FhirServerSettings settings = FhirServerSettings.defaults("Patient Recordings (OpenMRS)")
                .withAddressStrategy((servletContext, request) -> request.getScheme() + "://" + request.getServerName()
                        + ":" + request.getServerPort() + request.getContextPath() + ModulePaths.PUBLIC_FHIR_BASE)
                .withMaxUploadBytes(Long.parseLong(Setting.UPLOAD_MAX_BYTES.defaultValue()))
                .withPageSize(Integer.parseInt(Setting.FHIR_DEFAULT_PAGE_SIZE.defaultValue()))
                .withMaxPageSize(Integer.parseInt(Setting.FHIR_MAX_PAGE_SIZE.defaultValue()));
        // As OpenmrsRequestAuthenticator: the user is already on the thread; nobody, or failed credentials, is 401.
        RequestAuthenticator openmrs = new RequestAuthenticator() {
            @Override
            public Optional<Scope> authenticate(HttpServletRequest request) {
                return isAuthenticated(request) ? Optional.of(() -> {}) : Optional.empty();
            }

            @Override
            public Optional<String> challenge() {
                return Optional.of("Basic realm=\"OpenMRS\", charset=\"UTF-8\"");
            }
        };
        PatientRecordingsFhirServer server = new PatientRecordingsFhirServer(
                services.fhir(), settings, openmrs, new IdempotencyKeys(), services.uploads());
        HostRecords records = new Records();
        HostAccess access = new HostAccess(services.guard());
        server.registerProviders(List.of(
                new HostPatientReadProvider(records, access),
                new HostEncounterReadProvider(records, access),
                new HostLocationReadProvider(records, access)));
        return server;
    }

    /** As {@code OpenmrsHostRecords}: the host's data as the acting user may read it. */
    private final class Records implements HostRecords {

        @Override
        public Optional<Patient> patient(PatientId id) {
            require(GET_PATIENTS);
            return Optional.ofNullable(patients.get(id));
        }

        @Override
        public List<Patient> patients(PatientQuery query, int offset, int count) {
            require(GET_PATIENTS);
            return patients.values().stream()
                    .filter(p -> query.identifier() == null
                            || p.identifiers().stream().anyMatch(i -> i.value().equals(query.identifier())))
                    .filter(p -> query.birthDate() == null || query.birthDate().equals(p.birthDate()))
                    .filter(p -> query.name() == null
                            || (p.family() + " " + String.join(" ", p.given()))
                                    .toLowerCase(Locale.ROOT)
                                    .contains(query.name().toLowerCase(Locale.ROOT)))
                    .sorted(java.util.Comparator.comparing((Patient p) -> p.id().value()))
                    .skip(offset)
                    .limit(count)
                    .toList();
        }

        @Override
        public Optional<Encounter> encounter(EncounterId id) {
            require(GET_ENCOUNTERS);
            return Optional.ofNullable(encounters.get(id));
        }

        @Override
        public List<Encounter> encounters(PatientId whose) {
            require(GET_ENCOUNTERS);
            require(GET_PATIENTS);
            return encounters.values().stream()
                    .filter(e -> e.patient().equals(whose))
                    .toList();
        }

        @Override
        public Optional<SiteDirectory.Site> location(SiteId id) {
            require(GET_LOCATIONS);
            return SITE.equals(id) ? Optional.of(new SiteDirectory.Site(SITE, "Riverside Surgery")) : Optional.empty();
        }

        @Override
        public List<SiteDirectory.Site> locations(String name, int offset, int count) {
            require(GET_LOCATIONS);
            boolean matches = name == null || "riverside surgery".contains(name.toLowerCase(Locale.ROOT));
            return matches && offset == 0 && count > 0
                    ? List.of(new SiteDirectory.Site(SITE, "Riverside Surgery"))
                    : List.of();
        }

        private void require(String privilege) {
            if (!hasPrivilege(privilege)) {
                throw new Refused(privilege);
            }
        }
    }

    /** OpenMRS' module servlet dispatch: {@code /ms/<module id>/<servlet name>/...} to the module's servlet. */
    private static final class ModuleServletDispatch extends HttpServlet {

        private static final long serialVersionUID = 1L;
        private final transient Map<String, HttpServlet> servlets;

        ModuleServletDispatch(Map<String, HttpServlet> servlets) {
            this.servlets = servlets;
        }

        @Override
        public void init(ServletConfig config) throws ServletException {
            super.init(config);
            for (Map.Entry<String, HttpServlet> servlet : servlets.entrySet()) {
                servlet.getValue().init(new ModuleServletConfig(servlet.getKey(), config.getServletContext()));
            }
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            String path = Optional.ofNullable(request.getPathInfo()).orElse("");
            String[] parts = path.split("/", 4);
            HttpServlet servlet =
                    parts.length >= 3 && ModulePaths.MODULE_ID.equals(parts[1]) ? servlets.get(parts[2]) : null;
            if (servlet == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            servlet.service(request, response);
        }

        @Override
        public void destroy() {
            servlets.values().forEach(HttpServlet::destroy);
            super.destroy();
        }
    }

    /** The configuration OpenMRS gives a module servlet: its name, the web application's context. */
    private record ModuleServletConfig(String name, ServletContext context) implements ServletConfig {

        @Override
        public String getServletName() {
            return name;
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }

        @Override
        public String getInitParameter(String parameter) {
            return null;
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.emptyEnumeration();
        }
    }

    /** POL-1: what the site allows, so that the README's recording (a consultation, also for training) may start. */
    private static SitePolicy sitePolicy() {
        return new SitePolicy(
                SITE,
                1,
                EnumSet.of(RecordingKind.CONSULTATION, RecordingKind.PROCEDURE, RecordingKind.CLINICAL_PHOTO),
                true,
                TelephonePolicy.OFF,
                List.of(new NoFilmingArea("RECEPTION", "Reception", List.of("Poster at the desk: no filming"))),
                List.of(new SecondaryPurposeRule(Purpose.TRAINING, null)),
                "ENGLAND",
                RecordClass.GP,
                MissingNoteHandling.FLAG);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
