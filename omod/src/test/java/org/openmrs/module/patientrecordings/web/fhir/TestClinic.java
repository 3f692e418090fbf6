/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
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
import org.openmrs.module.patientrecordings.audit.InMemoryAuditLog;
import org.openmrs.module.patientrecordings.consent.ConsentService;
import org.openmrs.module.patientrecordings.consent.InMemoryConsentRepository;
import org.openmrs.module.patientrecordings.consent.StoredPatientConsents;
import org.openmrs.module.patientrecordings.disclosure.DisclosureService;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.MissingNoteHandling;
import org.openmrs.module.patientrecordings.policy.NoFilmingArea;
import org.openmrs.module.patientrecordings.policy.SecondaryPurposeRule;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.TelephonePolicy;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;
import org.openmrs.module.patientrecordings.port.EncounterDirectory;
import org.openmrs.module.patientrecordings.port.PatientDirectory;
import org.openmrs.module.patientrecordings.port.SiteDirectory;
import org.openmrs.module.patientrecordings.recording.InMemoryRecordingRepository;
import org.openmrs.module.patientrecordings.recording.RecordingRetention;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.register.InMemoryRegisterRepository;
import org.openmrs.module.patientrecordings.register.RegisterQueries;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.retention.RecordClass;
import org.openmrs.module.patientrecordings.retention.RetentionService;
import org.openmrs.module.patientrecordings.site.InMemorySitePolicyRepository;

/**
 * A clinic on an embedded Jetty 12: the FHIR server on a free loopback port, wired to the real services over
 * in-memory repositories and the filesystem content backend in a temporary folder. Users sign in with HTTP Basic
 * (password {@value #PASSWORD}): a clinician, an auditor, a records manager and someone with no privileges.
 */
final class TestClinic implements AutoCloseable {

    static final String PASSWORD = "secret";
    static final SiteId SITE = SiteId.of("example-site");
    static final long MAX_UPLOAD = 1 << 20;

    private static final Map<String, Set<Privilege>> USERS = Map.of(
            "clinician",
                    EnumSet.of(
                            Privilege.VIEW_RECORDINGS,
                            Privilege.CREATE_RECORDINGS,
                            Privilege.MANAGE_CONSENT,
                            Privilege.DISCLOSE_RECORDINGS),
            "records-manager",
                    EnumSet.of(
                            Privilege.VIEW_RECORDINGS,
                            Privilege.MANAGE_RECORDS,
                            Privilege.MANAGE_LEGAL_HOLDS,
                            Privilege.DISCLOSE_RECORDINGS),
            "auditor", EnumSet.of(Privilege.VIEW_AUDIT),
            "nobody", EnumSet.noneOf(Privilege.class));

    final FilesystemTestStore store;
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final Map<EncounterId, PatientId> encounters = new ConcurrentHashMap<>();
    private final Server jetty;
    final String base;

    TestClinic(Path contentRoot) throws Exception {
        ThreadLocalCurrentUser users = new ThreadLocalCurrentUser();
        AccessGuard guard = new AccessGuard(users, audit, Clock.systemUTC());
        var recordings = new InMemoryRecordingRepository();
        var consents = new InMemoryConsentRepository();
        var registers = new InMemoryRegisterRepository();
        var policies = new InMemorySitePolicyRepository();
        policies.add(new SitePolicy(
                SITE,
                1,
                EnumSet.allOf(RecordingKind.class),
                true,
                TelephonePolicy.OFF,
                List.of(new NoFilmingArea("RECEPTION", "Reception", List.of("Poster at the desk: no filming"))),
                List.of(new SecondaryPurposeRule(Purpose.TRAINING, null)),
                "ENGLAND",
                RecordClass.GP,
                MissingNoteHandling.FLAG));
        PatientDirectory patients = id -> Optional.of(new PatientDirectory.Patient(
                id,
                "Patient " + id,
                // A patient whose id starts with child- is ten years old (CON-12).
                id.value().startsWith("child-")
                        ? LocalDate.now(ZoneOffset.UTC).minusYears(10)
                        : LocalDate.of(1980, 1, 1),
                null,
                null));
        EncounterDirectory encounterDirectory = id ->
                Optional.ofNullable(encounters.get(id)).map(p -> new EncounterDirectory.Encounter(id, p, SITE, null));
        ClinicalNotes notes = new ClinicalNotes() {
            @Override
            public boolean hasNote(EncounterId encounter) {
                return true;
            }

            @Override
            public void append(Note note) {
                // The notes themselves are the host's; these tests look at FHIR.
            }
        };
        RecordingService recordingService = new RecordingService(
                recordings,
                new StoredPatientConsents(consents),
                policies,
                id -> SITE.equals(id) ? Optional.of(new SiteDirectory.Site(id, "Example site")) : Optional.empty(),
                new RegisterQueries(registers),
                patients,
                encounterDirectory,
                notes,
                new RecordingRetention(RetentionService.englandOnly(), patients, policies, recordings),
                guard);
        ConsentService consentService =
                new ConsentService(consents, recordings, recordingService, policies, patients, notes, guard);
        store = new FilesystemTestStore(contentRoot);
        FhirServerDependencies services = new FhirServerDependencies(
                recordingService,
                consentService,
                new RegisterService(registers, patients, notes, guard),
                new DisclosureService(recordings, recordingService, consents, registers, audit, guard),
                registers,
                audit,
                guard,
                store);
        PatientRecordingsFhirServer server = new PatientRecordingsFhirServer(
                services,
                FhirServerSettings.defaults("localhost")
                        .withMaxUploadBytes(MAX_UPLOAD)
                        .withPageSize(2),
                users.authenticator(TestClinic::basic, "Basic realm=\"Patient Recordings\""));
        jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(server), "/fhir/*");
        // As OpenMRS does in front of every request (Spring's CharacterEncodingFilter, forceEncoding): the response's
        // character encoding is set before the module's servlet runs.
        context.addFilter(
                (request, response, chain) -> {
                    response.setCharacterEncoding("UTF-8");
                    chain.doFilter(request, response);
                },
                "/*",
                EnumSet.of(DispatcherType.REQUEST));
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/fhir";
    }

    /** An encounter of the patient, for recordings made in it. */
    EncounterId encounterOf(PatientId patient) {
        EncounterId id = EncounterId.random();
        encounters.put(id, patient);
        return id;
    }

    static String authorization(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Actor> basic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return Optional.empty();
        }
        String[] credentials =
                new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8).split(":", 2);
        return credentials.length == 2 && PASSWORD.equals(credentials[1]) && USERS.containsKey(credentials[0])
                ? Optional.of(new Actor(UserId.of(credentials[0]), USERS.get(credentials[0])))
                : Optional.empty();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
