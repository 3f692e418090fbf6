/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.access.FhirMatrixCalls;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.audit.InMemoryAuditLog;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.MediaType;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.ConsentFact;
import org.openmrs.module.patientrecordings.policy.MissingNoteHandling;
import org.openmrs.module.patientrecordings.policy.NoFilmingArea;
import org.openmrs.module.patientrecordings.policy.NoticeMeans;
import org.openmrs.module.patientrecordings.policy.SecondaryPurposeRule;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.TelephoneNotice;
import org.openmrs.module.patientrecordings.policy.TelephonePolicy;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;
import org.openmrs.module.patientrecordings.port.CurrentUser;
import org.openmrs.module.patientrecordings.port.EncounterDirectory;
import org.openmrs.module.patientrecordings.port.PatientDirectory;
import org.openmrs.module.patientrecordings.port.SiteDirectory;
import org.openmrs.module.patientrecordings.recording.InMemoryRecordingRepository;
import org.openmrs.module.patientrecordings.recording.InMemoryUploadProgress;
import org.openmrs.module.patientrecordings.recording.PatientConsents;
import org.openmrs.module.patientrecordings.recording.RecordingRetention;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.recording.StartCommand;
import org.openmrs.module.patientrecordings.register.InMemoryRegisterRepository;
import org.openmrs.module.patientrecordings.register.RegisterQueries;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.retention.InMemoryRetentionScheduleRepository;
import org.openmrs.module.patientrecordings.retention.RecordClass;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRegistry;
import org.openmrs.module.patientrecordings.retention.RetentionService;
import org.openmrs.module.patientrecordings.site.InMemorySitePolicyRepository;
import org.openmrs.module.patientrecordings.site.PolicyFileService;
import org.openmrs.module.patientrecordings.site.RetentionScheduleService;
import org.openmrs.module.patientrecordings.site.SitePolicyService;

/**
 * The administration API on an embedded Jetty 12 at a free loopback port, over in-memory stores and fake host
 * ports, with the recording service beside it so a test can see a register drive its rule. One site, Riverside
 * Surgery, with a policy; two patients; users who log in per request through a header the fake
 * {@link CurrentUser} reads, as the host's filter would.
 */
final class AdminApiServer implements AutoCloseable {

    static final String USER_HEADER = "X-Test-User";
    static final SiteId RIVERSIDE = SiteId.of("riverside");
    /** A site without a policy of its own: it follows the server's default. */
    static final SiteId HILLTOP = SiteId.of("hilltop");

    static final PatientId ALICE = PatientId.of("alice");
    static final PatientId BOB = PatientId.of("bob");
    static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");

    /** Users by name, each with the privileges of their role. */
    static final Map<String, Set<Privilege>> USERS = Map.of(
            "admin", EnumSet.of(Privilege.MANAGE_POLICY),
            "clinician", EnumSet.of(Privilege.VIEW_RECORDINGS, Privilege.CREATE_RECORDINGS, Privilege.MANAGE_CONSENT),
            "records",
                    EnumSet.of(Privilege.MANAGE_RECORDS, Privilege.MANAGE_LEGAL_HOLDS, Privilege.DISCLOSE_RECORDINGS),
            "covert", EnumSet.of(Privilege.AUTHORISE_COVERT, Privilege.CREATE_RECORDINGS),
            "everything", EnumSet.allOf(Privilege.class),
            "everything-but-covert", EnumSet.complementOf(EnumSet.of(Privilege.AUTHORISE_COVERT)),
            "nurse", EnumSet.noneOf(Privilege.class),
            "nobody", EnumSet.noneOf(Privilege.class));

    private final ThreadLocal<Actor> actor = new ThreadLocal<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemorySitePolicyRepository policyRepository = new InMemorySitePolicyRepository();
    private final InMemoryRegisterRepository registerRepository = new InMemoryRegisterRepository();
    private final List<ClinicalNotes.Note> notes = new ArrayList<>();
    private final RecordingService recordings;
    private final AdminApiServlet servlet;
    private final Server server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    AdminApiServer() throws Exception {
        CurrentUser currentUser = () -> Optional.ofNullable(actor.get())
                .orElseThrow(() -> RuleViolationException.of(ErrorCode.SAF_3, "Nobody is authenticated", "user"));
        AccessGuard guard = new AccessGuard(currentUser, audit, clock);
        Map<SiteId, SiteDirectory.Site> sites = new ConcurrentHashMap<>();
        sites.put(RIVERSIDE, new SiteDirectory.Site(RIVERSIDE, "Riverside Surgery"));
        sites.put(HILLTOP, new SiteDirectory.Site(HILLTOP, "Hilltop Clinic"));
        SiteDirectory siteDirectory = new SiteDirectory() {
            @Override
            public Optional<Site> find(SiteId id) {
                return Optional.ofNullable(sites.get(id));
            }

            @Override
            public List<Site> all() {
                return sites.values().stream()
                        .sorted(Comparator.comparing(Site::name))
                        .toList();
            }
        };
        PatientDirectory patients = id -> Set.of(ALICE, BOB).contains(id)
                ? Optional.of(new PatientDirectory.Patient(id, id.value(), LocalDate.parse("1980-04-01"), null, null))
                : Optional.empty();
        EncounterDirectory encounters = id -> Optional.empty();
        ClinicalNotes clinicalNotes = new ClinicalNotes() {
            @Override
            public boolean hasNote(EncounterId encounter) {
                return true;
            }

            @Override
            public void append(Note note) {
                notes.add(note);
            }
        };
        RetentionScheduleRegistry registry =
                RetentionScheduleRegistry.withEnglandDefaults(new InMemoryRetentionScheduleRepository());
        InMemoryRecordingRepository recordingRepository = new InMemoryRecordingRepository();
        PatientConsents noConsents = new PatientConsents() {
            @Override
            public List<ConsentFact> of(PatientId patient) {
                return List.of();
            }

            @Override
            public List<ConsentFact> bearingOn(PatientId patient, RecordingId recording) {
                return List.of();
            }
        };
        RetentionService retention = new RetentionService(registry::schedules);
        recordings = new RecordingService(
                recordingRepository,
                noConsents,
                policyRepository,
                siteDirectory,
                new RegisterQueries(registerRepository),
                patients,
                encounters,
                clinicalNotes,
                new RecordingRetention(retention, patients, policyRepository, recordingRepository),
                guard);
        SitePolicyService policies =
                new SitePolicyService(policyRepository, siteDirectory, registry::jurisdictions, guard);
        RetentionScheduleService schedules = new RetentionScheduleService(registry, guard);
        servlet = new AdminApiServlet(
                policies,
                schedules,
                new PolicyFileService(policies, schedules, guard),
                new RegisterService(registerRepository, patients, clinicalNotes, guard),
                new DisposalService(
                        recordingRepository,
                        recordings,
                        registerRepository,
                        new InMemoryUploadProgress(),
                        key -> {},
                        guard),
                guard);
        policyRepository.add(riversidePolicy());

        server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(servlet), "/admin/*");
        context.addFilter(
                (request, response, chain) -> {
                    String user = ((HttpServletRequest) request).getHeader(USER_HEADER);
                    actor.set(user == null ? null : new Actor(UserId.of(user), USERS.get(user)));
                    try {
                        chain.doFilter(request, response);
                    } finally {
                        actor.remove();
                    }
                },
                "/*",
                null);
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/admin";
    }

    static SitePolicy riversidePolicy() {
        return new SitePolicy(
                RIVERSIDE,
                1,
                EnumSet.of(RecordingKind.CONSULTATION, RecordingKind.PROCEDURE, RecordingKind.CLINICAL_PHOTO),
                true,
                new TelephonePolicy(
                        true,
                        Set.of(Purpose.QUALITY, Purpose.DIRECT_CARE),
                        List.of(new TelephoneNotice(
                                NoticeMeans.RECORDED_MESSAGE,
                                "Calls are recorded for your care and for quality",
                                LocalDate.parse("2020-01-01"),
                                null))),
                List.of(new NoFilmingArea("RECEPTION", "Reception", List.of("Poster at the desk: no filming"))),
                List.of(new SecondaryPurposeRule(Purpose.TRAINING, null)),
                "ENGLAND",
                RecordClass.GP,
                MissingNoteHandling.FLAG);
    }

    AdminApiServlet servlet() {
        return servlet;
    }

    /** Sends a request as {@code user} (null for nobody), with a JSON body or none, and extra headers. */
    Answer send(String user, String method, String path, String body, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header(USER_HEADER, user);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response =
                    FhirMatrixCalls.sendOnce(http, request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    Answer get(String user, String path) throws IOException {
        return send(user, "GET", path, null);
    }

    Answer post(String user, String path, String body) throws IOException {
        return send(user, "POST", path, body);
    }

    /** {@code user} adds the patient's own recording (PAT-1), made in an area of the site, and returns its id. */
    String addPatientsOwnRecordingIn(String user, PatientId patient, String areaCode) {
        actor.set(new Actor(UserId.of(user), USERS.get(user)));
        try {
            return recordings
                    .start(new StartCommand(
                            patient,
                            null,
                            RIVERSIDE,
                            RecordingKind.CONSULTATION,
                            MediaType.VIDEO,
                            Initiator.PATIENT,
                            null,
                            Set.of(Purpose.PATIENT_OWN_USE),
                            null,
                            List.of(),
                            null,
                            areaCode,
                            List.of(),
                            null))
                    .recording()
                    .id()
                    .value();
        } finally {
            actor.remove();
        }
    }

    /** A clinician starts an overt consultation of {@code patient} with {@code staff} present, as {@code user}. */
    void startConsultation(String user, PatientId patient, UserId... staff) {
        actor.set(new Actor(UserId.of(user), USERS.get(user)));
        try {
            recordings.start(new StartCommand(
                    patient,
                    null,
                    RIVERSIDE,
                    RecordingKind.CONSULTATION,
                    MediaType.VIDEO,
                    Initiator.CLINICIAN,
                    null,
                    Set.of(Purpose.DIRECT_CARE),
                    null,
                    List.of(staff),
                    null,
                    null,
                    List.of(),
                    null));
        } finally {
            actor.remove();
        }
    }

    List<AuditEntry> auditTrail() {
        return audit
                .search(AuditQuery.all().ordered(AuditQuery.Order.OLDEST_FIRST).page(0, AuditQuery.MAX_LIMIT))
                .entries()
                .stream()
                .map(StoredAuditEntry::entry)
                .toList();
    }

    List<ClinicalNotes.Note> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /**
     * An HTTP answer.
     *
     * @param status the status
     * @param body the body text
     * @param headers the response headers
     */
    record Answer(int status, String body, Map<String, List<String>> headers) {

        JsonElement json() {
            return JsonParser.parseString(body);
        }

        /** The codes of the issues of an error answer. */
        List<String> codes() {
            List<String> codes = new ArrayList<>();
            json().getAsJsonObject()
                    .getAsJsonArray("issues")
                    .forEach(i -> codes.add(i.getAsJsonObject().get("code").getAsString()));
            return codes;
        }

        /** The paths of the issues of an error answer. */
        List<String> paths() {
            List<String> paths = new ArrayList<>();
            json().getAsJsonObject()
                    .getAsJsonArray("issues")
                    .forEach(i -> paths.add(i.getAsJsonObject().get("path").getAsString()));
            return paths;
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }
}
