/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition.OperationDefinitionParameterComponent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.fhir.profiles.PatientRecordingsPackage;

/**
 * The conformance package is the API's definition: the server and the package must agree, both ways. Every operation
 * and search parameter the CapabilityStatement declares resolves to a definition (the package's, or for a standard
 * search parameter the base specification's); every operation parameter the server requires is required (min 1) in
 * the package, and every one the package requires the server requires too.
 */
class PackageContractIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String BASE_SEARCH_PARAMETER = "http://hl7.org/fhir/SearchParameter/";

    /** Every class whose methods are the module's FHIR operations. */
    private static final List<Class<?>> OPERATION_PROVIDERS = List.of(
            MediaOperations.class,
            DerivativeOperations.class,
            LegalHoldOperations.class,
            ContentOperations.class,
            DisclosureOperations.class,
            ConsentProvider.class,
            AuditEventProvider.class,
            MediaProvider.class);

    @TempDir
    static Path content;

    private static TestClinic clinic;
    private static CapabilityStatement declared;
    private static final Map<String, OperationDefinition> OPERATIONS = new HashMap<>();
    private static final Map<String, SearchParameter> SEARCH_PARAMETERS = new HashMap<>();

    @BeforeAll
    static void readTheCapabilityStatementAndThePackage() throws Exception {
        String location =
                "/" + PatientRecordingsPackage.CLASSPATH_FOLDER + "/" + PatientRecordingsPackage.NAME + ".tgz";
        try (InputStream tgz = PackageContractIT.class.getResourceAsStream(location)) {
            NpmPackage pack = NpmPackage.fromPackage(tgz);
            for (String file : pack.listResources("OperationDefinition", "SearchParameter")) {
                try (InputStream in = pack.loadResource(file)) {
                    IBaseResource resource = FHIR.newJsonParser().parseResource(in);
                    if (resource instanceof OperationDefinition od) {
                        OPERATIONS.put(od.getUrl(), od);
                    } else if (resource instanceof SearchParameter sp) {
                        SEARCH_PARAMETERS.put(sp.getUrl(), sp);
                    }
                }
            }
        }
        assertThat(OPERATIONS).isNotEmpty();
        clinic = new TestClinic(content);
        HttpResponse<String> metadata = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(clinic.base + "/metadata?_format=json"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        declared = FHIR.newJsonParser().parseResource(CapabilityStatement.class, metadata.body());
    }

    @AfterAll
    static void closeTheClinic() throws Exception {
        clinic.close();
    }

    @Test
    void everyDeclaredOperationResolvesToTheOperationDefinitionOfThePackage() {
        List<String> problems = new ArrayList<>();
        for (CapabilityStatementRestResourceComponent resource : resources()) {
            resource.getOperation().forEach(op -> {
                OperationDefinition definition = OPERATIONS.get(op.getDefinition());
                if (definition == null) {
                    problems.add(resource.getType() + " $" + op.getName() + " -> " + op.getDefinition());
                } else if (!definition.getCode().equals(op.getName().replace("$", ""))
                        || definition.getResource().stream()
                                .noneMatch(t -> t.getCode().equals(resource.getType()))) {
                    problems.add(resource.getType() + " $" + op.getName() + " is not " + definition.getUrl());
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    /**
     * A client resolves each operation the CapabilityStatement names on the server itself, as the package has it:
     * any signed-in user may, whatever their privileges (the auditor holds none for recordings).
     */
    @Test
    void theServerServesThePackagesDefinitionOfEveryDeclaredOperation() throws Exception {
        List<String> problems = new ArrayList<>();
        for (CapabilityStatementRestResourceComponent resource : resources()) {
            for (var op : resource.getOperation()) {
                String id = op.getDefinition().substring(op.getDefinition().lastIndexOf('/') + 1);
                HttpResponse<String> read = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(clinic.base + "/OperationDefinition/" + id))
                                        .header("Authorization", TestClinic.authorization("auditor"))
                                        .header("Accept", "application/fhir+json")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (read.statusCode() != 200) {
                    problems.add(id + " -> " + read.statusCode());
                    continue;
                }
                OperationDefinition served = FHIR.newJsonParser().parseResource(OperationDefinition.class, read.body());
                OperationDefinition packaged = OPERATIONS.get(op.getDefinition());
                if (packaged == null
                        || !served.getUrl().equals(op.getDefinition())
                        || served.getParameter().size()
                                != packaged.getParameter().size()) {
                    problems.add(id + " is not the package's " + op.getDefinition());
                }
            }
        }
        HttpResponse<String> unknown = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(clinic.base + "/OperationDefinition/Media-no-such-operation"))
                                .header("Authorization", TestClinic.authorization("auditor"))
                                .header("Accept", "application/fhir+json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(problems).isEmpty();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("NF-1");
    }

    @Test
    void everyDeclaredSearchParameterResolvesToItsDefinition() {
        List<String> problems = new ArrayList<>();
        for (CapabilityStatementRestResourceComponent resource : resources()) {
            resource.getSearchParam().forEach(sp -> {
                if (!resolves(resource.getType(), sp.getName(), sp.getDefinition())) {
                    problems.add(resource.getType() + "?" + sp.getName() + " -> " + sp.getDefinition());
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theServerAndThePackageRequireTheSameOperationParameters() {
        List<String> problems = new ArrayList<>();
        for (Class<?> provider : OPERATION_PROVIDERS) {
            for (Method method : provider.getDeclaredMethods()) {
                Operation operation = method.getAnnotation(Operation.class);
                if (operation == null) {
                    continue;
                }
                String code = operation.name().replace("$", "");
                String type = operation.typeName().isEmpty() ? typeOf(provider) : operation.typeName();
                OperationDefinition definition = definitionOf(type, code);
                if (definition == null) {
                    problems.add(type + " $" + code + " has no OperationDefinition in the package");
                    continue;
                }
                List<String> serverRequires = new ArrayList<>();
                List<String> serverAccepts = new ArrayList<>();
                for (Parameter p : method.getParameters()) {
                    OperationParam param = p.getAnnotation(OperationParam.class);
                    if (param != null) {
                        serverAccepts.add(param.name());
                        if (param.min() >= 1) {
                            serverRequires.add(param.name());
                        }
                    }
                }
                for (OperationDefinitionParameterComponent p : definition.getParameter()) {
                    if (p.getUse() != OperationDefinition.OperationParameterUse.IN) {
                        continue;
                    }
                    if (p.getMin() >= 1 && !serverRequires.contains(p.getName()) && !isBody(code)) {
                        problems.add(type + " $" + code + " " + p.getName() + ": required by the package only");
                    }
                    if (!serverAccepts.contains(p.getName()) && !isBody(code)) {
                        problems.add(type + " $" + code + " " + p.getName() + ": the server does not accept it");
                    }
                }
                for (String required : serverRequires) {
                    boolean requiredThere = definition.getParameter().stream()
                            .anyMatch(p -> p.getName().equals(required) && p.getMin() >= 1);
                    if (!requiredThere) {
                        problems.add(type + " $" + code + " " + required + ": required by the server only");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The package's search parameter of that code, or the base specification's of that resource and name. */
    private static boolean resolves(String type, String name, String url) {
        if (url == null) {
            return false;
        }
        SearchParameter ours = SEARCH_PARAMETERS.get(url);
        if (ours != null) {
            return ours.getCode().equals(name);
        }
        if (url.equals(BASE_SEARCH_PARAMETER + "Resource-lastUpdated")) {
            return name.equals("_lastUpdated");
        }
        RuntimeSearchParam base = FHIR.getResourceDefinition(type).getSearchParam(name);
        return url.startsWith(BASE_SEARCH_PARAMETER) && base != null && url.equals(base.getUri());
    }

    /**
     * A client learns from an operation's definition why it may be refused: every refusal code the server sends for an
     * operation is named in the definition's description. Each declared operation is called as it commonly goes
     * wrong: by a user without privileges, on a target that does not exist, and without its parameters by the users
     * whose work it is, on a recording in progress and on one completed; every code of every refusal is collected.
     */
    @Test
    void everyRefusalCodeTheServerSendsForAnOperationIsNamedInItsDefinition() throws Exception {
        PatientId patient = PatientId.random();
        String consent = idOf(send("POST", "/Consent", "clinician", Requests.consentGiven(patient)));
        String inProgress =
                idOf(send("POST", "/Media", "clinician", Requests.consultation(patient, clinic.encounterOf(patient))));
        String completed =
                idOf(send("POST", "/Media", "clinician", Requests.consultation(patient, clinic.encounterOf(patient))));
        send("POST", "/Media/" + completed + "/$complete", "clinician", new Parameters());
        Map<String, List<String>> targets = Map.of(
                "Media", List.of(inProgress, completed, "no-such-recording"),
                "Consent", List.of(consent, "no-such-consent"),
                "Patient", List.of(patient.value()));
        List<String> problems = new ArrayList<>();
        int refusals = 0;
        for (CapabilityStatementRestResourceComponent resource : resources()) {
            for (var op : resource.getOperation()) {
                OperationDefinition definition = OPERATIONS.get(op.getDefinition());
                String name = op.getName().replace("$", "");
                List<String> paths = definition.getInstance()
                        ? targets.getOrDefault(resource.getType(), List.of()).stream()
                                .map(id -> "/" + resource.getType() + "/" + id + "/$" + name)
                                .toList()
                        : List.of("/" + resource.getType() + "/$" + name);
                Set<String> sent = new TreeSet<>();
                for (String path : paths) {
                    for (String user : List.of("nobody", "clinician", "records-manager", "auditor")) {
                        HttpResponse<String> answer = send("POST", path, user, new Parameters());
                        if (answer.statusCode() >= 400 && answer.statusCode() < 500) {
                            refusals++;
                            sent.addAll(errorCodes(answer.body()));
                        }
                    }
                }
                String documented = definition.getDescription();
                sent.stream()
                        .filter(code -> !documented.matches("(?s).*\\b" + code + "\\b.*"))
                        .forEach(code -> problems.add(resource.getType() + " $" + name + " sends " + code));
            }
        }
        assertThat(refusals).as("refusals seen").isGreaterThan(0);
        assertThat(problems).isEmpty();
    }

    private static HttpResponse<String> send(String method, String path, String user, IBaseResource body)
            throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(clinic.base + path))
                                .header("Authorization", TestClinic.authorization(user))
                                .header("Accept", "application/fhir+json")
                                .header("Content-Type", "application/fhir+json")
                                .method(
                                        method,
                                        HttpRequest.BodyPublishers.ofString(
                                                FHIR.newJsonParser().encodeResourceToString(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String idOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return FHIR.newJsonParser().parseResource(created.body()).getIdElement().getIdPart();
    }

    /** The codes of the error issues of an OperationOutcome; none when the body is something else. */
    private static List<String> errorCodes(String body) {
        if (!body.contains("OperationOutcome")) {
            return List.of();
        }
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, body);
        return outcome.getIssue().stream()
                .filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                        || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL)
                .map(i -> i.getDetails().getCodingFirstRep().getCode())
                .filter(code -> code != null)
                .toList();
    }

    /**
     * The content operations take the bytes as the body, not as Parameters: their {@code path} is always
     * {@code Media.content}, so the server neither reads nor requires it.
     */
    private static boolean isBody(String code) {
        return code.startsWith("binary-access");
    }

    private static String typeOf(Class<?> provider) {
        return provider.getSimpleName().replace("Provider", "");
    }

    private static OperationDefinition definitionOf(String type, String code) {
        return OPERATIONS.values().stream()
                .filter(d -> d.getCode().equals(code)
                        && d.getResource().stream().anyMatch(t -> t.getCode().equals(type)))
                .findFirst()
                .orElse(null);
    }

    private static List<CapabilityStatementRestResourceComponent> resources() {
        return declared.getRestFirstRep().getResource();
    }
}
