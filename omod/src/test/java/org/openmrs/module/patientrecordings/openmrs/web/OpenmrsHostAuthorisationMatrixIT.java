/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Privilege.AUTHORISE_COVERT;
import static org.openmrs.module.patientrecordings.domain.Privilege.CREATE_RECORDINGS;
import static org.openmrs.module.patientrecordings.domain.Privilege.DISCLOSE_RECORDINGS;
import static org.openmrs.module.patientrecordings.domain.Privilege.MANAGE_CONSENT;
import static org.openmrs.module.patientrecordings.domain.Privilege.MANAGE_LEGAL_HOLDS;
import static org.openmrs.module.patientrecordings.domain.Privilege.MANAGE_RECORDS;
import static org.openmrs.module.patientrecordings.domain.Privilege.VIEW_AUDIT;
import static org.openmrs.module.patientrecordings.domain.Privilege.VIEW_RECORDINGS;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.access.AuthorisationMatrix;
import org.openmrs.module.patientrecordings.access.AuthorisationTable;
import org.openmrs.module.patientrecordings.access.FhirMatrixCalls;
import org.openmrs.module.patientrecordings.access.FhirMatrixCalls.Call;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.omod.descriptor.ModuleDescriptor;
import org.w3c.dom.Element;

/**
 * SAF-3 as a matrix through the OpenMRS adapter's privilege port: the shared {@link AuthorisationTable}, row by row,
 * against a user of each privilege set (none, clinician, records manager, auditor, covert authoriser, administrator),
 * over the FHIR endpoint and the administration API served as OpenMRS serves them ({@link OpenmrsLikeHost}: the
 * public {@code /openmrs/ws/patientrecordings/...} paths, the forward to the module servlets, their request
 * wrapping). The users hold OpenMRS privileges by name, as an administrator grants them to roles: only the names
 * config.xml declares exist in OpenMRS, and the module asks the host for each {@link Privilege} by its {@link
 * Privilege#privilegeName()}, as {@code OpenmrsCurrentUser} does. So a privilege misspelt in config.xml or in the
 * enum leaves its holders refused, and the cells that should admit them fail. The cells are the standalone server's
 * ({@link AuthorisationMatrix}): admitted, the row's status and an audit entry; refused, 403 naming SAF-3 or COV-2 as
 * an OperationOutcome (FHIR) and exactly one refusal audited; signed out, 401 on every FHIR call but the
 * CapabilityStatement. OpenMRS serves its own patients, encounters and locations read-only, behind its own "Get ..."
 * privileges, which every user here holds; a user without them is refused that data, audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenmrsHostAuthorisationMatrixIT {

    /**
     * The roles an administrator sets up (omod/README.md, after installing), by the names they pick in Manage Roles.
     */
    private static final Map<String, List<String>> ROLES = roles();

    /** The privilege set each user stands for: what the table's rows are decided by. */
    private static final Map<String, Set<Privilege>> SETS = Map.of(
            "nobody", EnumSet.noneOf(Privilege.class),
            "clinician", EnumSet.of(VIEW_RECORDINGS, CREATE_RECORDINGS, MANAGE_CONSENT),
            "records", EnumSet.of(VIEW_RECORDINGS, MANAGE_RECORDS, DISCLOSE_RECORDINGS, MANAGE_LEGAL_HOLDS),
            "auditor", EnumSet.of(VIEW_AUDIT),
            "covert", EnumSet.of(AUTHORISE_COVERT, VIEW_RECORDINGS),
            "admin", EnumSet.allOf(Privilege.class));

    /** OpenMRS' own privileges for the data it serves through the module, held by every user of the matrix. */
    private static final List<String> HOST_DATA =
            List.of(OpenmrsLikeHost.GET_PATIENTS, OpenmrsLikeHost.GET_ENCOUNTERS, OpenmrsLikeHost.GET_LOCATIONS);

    /**
     * The rows of the standalone server's own register, which OpenMRS keeps in its own user interface: writing
     * patients, encounters and locations, recording a death, the clinical notes. The OpenMRS endpoint declares none of
     * them.
     */
    private static final Set<String> STANDALONE_REGISTER = Set.of(
            "Patient create",
            "Patient $record-death",
            "Encounter create",
            "Location create",
            "DocumentReference read",
            "DocumentReference search-type",
            "DocumentReference create");

    /** The calls that leave no audit entry (SAF-2), as on the standalone server. */
    private static final Set<String> NOT_AUDITED =
            Set.of("metadata", "OperationDefinition read", "Media $binary-access-write (chunk)");

    private static final String PASSWORD = "Openmrs123";

    private Path contentRoot;
    private OpenmrsLikeHost host;
    private FhirMatrixCalls calls;
    private AuthorisationMatrix matrix;
    private Set<String> declared;

    @BeforeAll
    void startHost() throws Exception {
        declared = declaredPrivileges();
        List<OpenmrsLikeHost.Account> accounts = new ArrayList<>();
        List<AuthorisationMatrix.User> users = new ArrayList<>();
        for (String name : ROLES.keySet()) {
            OpenmrsLikeHost.Account account = account(name, ROLES.get(name), HOST_DATA);
            accounts.add(account);
            users.add(new AuthorisationMatrix.User(name, PASSWORD, SETS.get(name), account.id()));
        }
        accounts.add(account("clinician-without-host-data", ROLES.get("clinician"), List.of()));
        contentRoot = Files.createTempDirectory("openmrs-host-matrix");
        host = new OpenmrsLikeHost(contentRoot, accounts);
        calls = new FhirMatrixCalls(new FhirMatrixCalls.Host(
                host.port,
                OpenmrsLikeHost.CONTEXT + ModulePaths.PUBLIC_FHIR_BASE,
                OpenmrsLikeHost.CONTEXT + ModulePaths.PUBLIC_ADMIN_BASE,
                "admin:" + PASSWORD,
                host.patient.value(),
                host.encounter.value(),
                OpenmrsLikeHost.SITE.value(),
                () -> host.newPatient().value()));
        matrix = new AuthorisationMatrix(calls, host.audit, users);
    }

    @AfterAll
    void stopHost() throws Exception {
        if (host != null) {
            host.close();
        }
        if (contentRoot != null) {
            try (Stream<Path> files = Files.walk(contentRoot)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void everyPrivilegeTheRolesGrantIsOneConfigXmlDeclares() {
        Set<String> granted = new TreeSet<>();
        ROLES.values().forEach(granted::addAll);
        assertThat(declared).containsAll(granted);
        assertThat(SETS.keySet()).isEqualTo(ROLES.keySet());
    }

    @Test
    void theTableHasARowForEveryAdministrationEndpointTheModuleDescribes() throws Exception {
        assertThat(new TreeSet<>(AuthorisationTable.ADMINISTRATION.keySet()))
                .isEqualTo(matrix.describedAdministrationEndpoints());
    }

    @Test
    void theTableHasARowForEveryCapabilityTheOpenmrsEndpointDeclares() throws Exception {
        Set<String> rows = new TreeSet<>();
        openmrsRows().keySet().forEach(row -> rows.add(AuthorisationTable.capability(row)));
        Set<String> capabilities = matrix.declaredCapabilities();
        capabilities.add("metadata");
        assertThat(rows).isEqualTo(capabilities);
        assertThat(AuthorisationTable.FHIR).containsKeys(STANDALONE_REGISTER.toArray(String[]::new));
    }

    @Test
    void everyAdministrationEndpointAdmitsExactlyTheUsersItsRowNames_SAF3() throws Exception {
        assertThat(matrix.administrationCells(AuthorisationTable.ADMINISTRATION))
                .isEmpty();
    }

    @Test
    void everyFhirCapabilityAdmitsExactlyTheUsersItsRowNames_SAF3() throws Exception {
        assertThat(matrix.fhirCells(openmrsRows(), NOT_AUDITED)).isEmpty();
    }

    @Test
    void everyFhirCapabilityButTheCapabilityStatementAsksForSignIn_SAF3() throws Exception {
        assertThat(matrix.signedOutFhirCells(openmrsRows(), 401)).isEmpty();
    }

    @Test
    void credentialsOpenmrsRefusesAreAnsweredAsSignedOut_SAF3() throws Exception {
        HttpResponse<String> answer =
                calls.send(Call.get("/fhir/Media?patient=" + host.patient.value(), 200), "admin:wrong");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(c -> assertThat(c).contains("OpenMRS"));
    }

    @Test
    void openmrsRefusesItsOwnDataToAUserWithoutItsPrivilege_audited_SAF3() throws Exception {
        String user = "clinician-without-host-data:" + PASSWORD;
        UserId id = userId("clinician-without-host-data");
        for (String path : List.of(
                "/fhir/Patient/" + host.patient.value(),
                "/fhir/Encounter/" + host.encounter.value(),
                "/fhir/Location/" + OpenmrsLikeHost.SITE.value())) {
            long head = matrix.auditHead();
            HttpResponse<String> answer = calls.send(Call.get(path, 200), user);

            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(403);
            assertThat(answer.body()).contains("SAF-3").contains("OperationOutcome");
            assertThat(matrix.entriesAfter(head, id, true)).as(path).isEqualTo(1);
        }
        HttpResponse<String> recordings =
                calls.send(Call.get("/fhir/Media?patient=" + host.patient.value(), 200), user);
        assertThat(recordings.statusCode()).as(recordings.body()).isEqualTo(200);
    }

    /** The rows of the capabilities the OpenMRS endpoint serves: all but the standalone server's register. */
    private static Map<String, AuthorisationTable.Admits> openmrsRows() {
        Map<String, AuthorisationTable.Admits> rows = new TreeMap<>(AuthorisationTable.FHIR);
        rows.keySet().removeAll(STANDALONE_REGISTER);
        return rows;
    }

    /**
     * A user of OpenMRS whose roles grant {@code granted} and {@code hostData}: of the module's privileges only those
     * OpenMRS knows, because config.xml declares them (a role cannot hold a privilege OpenMRS does not have).
     */
    private OpenmrsLikeHost.Account account(String name, List<String> granted, List<String> hostData) {
        Set<String> held = granted.stream().filter(declared::contains).collect(Collectors.toCollection(HashSet::new));
        held.addAll(hostData);
        return new OpenmrsLikeHost.Account(userId(name), name, PASSWORD, held);
    }

    private static UserId userId(String name) {
        return UserId.of(UUID.nameUUIDFromBytes(("openmrs-user:" + name).getBytes(StandardCharsets.UTF_8))
                .toString());
    }

    /** The names of the privileges config.xml declares, which OpenMRS creates when it starts the module. */
    private static Set<String> declaredPrivileges() {
        Set<String> names = new TreeSet<>();
        for (Element child :
                ModuleDescriptor.children(ModuleDescriptor.configXml().getDocumentElement())) {
            if (child.getTagName().equals("privilege")) {
                names.add(ModuleDescriptor.childText(child, "name"));
            }
        }
        return names;
    }

    private static Map<String, List<String>> roles() {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        roles.put("nobody", List.of());
        roles.put(
                "clinician",
                List.of(
                        "Patient Recordings: View Recordings",
                        "Patient Recordings: Create Recordings",
                        "Patient Recordings: Manage Consent"));
        roles.put(
                "records",
                List.of(
                        "Patient Recordings: View Recordings",
                        "Patient Recordings: Manage Records",
                        "Patient Recordings: Disclose Recordings",
                        "Patient Recordings: Manage Legal Holds"));
        roles.put("auditor", List.of("Patient Recordings: View Audit"));
        roles.put(
                "covert",
                List.of("Patient Recordings: Authorise Covert Recording", "Patient Recordings: View Recordings"));
        roles.put(
                "admin",
                List.of(
                        "Patient Recordings: View Recordings",
                        "Patient Recordings: Create Recordings",
                        "Patient Recordings: Manage Consent",
                        "Patient Recordings: Manage Policy",
                        "Patient Recordings: Disclose Recordings",
                        "Patient Recordings: Authorise Covert Recording",
                        "Patient Recordings: Manage Legal Holds",
                        "Patient Recordings: View Audit",
                        "Patient Recordings: Manage Records"));
        return roles;
    }
}
