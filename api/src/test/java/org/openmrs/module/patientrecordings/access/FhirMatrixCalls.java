/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.access;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.fhir.FhirUrls;

/**
 * The requests of the authorisation matrix, for every host: for each row of {@link AuthorisationTable#FHIR} a
 * request made afresh for each cell, so that what one user's call changes (a recording stopped, a hold lifted) cannot
 * decide the next user's answer, and the status a user the row admits gets; for each row of {@link
 * AuthorisationTable#ADMINISTRATION} the path and body of its request. The fixtures are made by the host's
 * administrator over the same API, as a client would. Paths are written against the module's two bases, {@code /fhir}
 * and {@code /admin}; the {@link Host} says where it serves them (the standalone server at those paths, OpenMRS under
 * {@code /openmrs/ws/patientrecordings/...}) and which patient, encounter and site of its own the calls use.
 */
public final class FhirMatrixCalls {

    /** A request, and the status that a user whom its row admits must get. */
    public record Call(
            String method, String path, String contentType, byte[] body, Map<String, String> headers, int admitted) {

        public static Call get(String path, int admitted) {
            return new Call("GET", path, null, null, Map.of(), admitted);
        }

        public static Call post(String path, String body, int admitted) {
            return new Call(
                    "POST", path, "application/fhir+json", body.getBytes(StandardCharsets.UTF_8), Map.of(), admitted);
        }

        /** A POST without a body, as an operation without parameters takes. */
        public static Call post(String path, int admitted) {
            return new Call("POST", path, null, null, Map.of(), admitted);
        }

        public Call with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Call(method, path, contentType, body, more, admitted);
        }
    }

    /** Makes the request of one cell. */
    public interface Maker {
        Call make() throws Exception;
    }

    /** Makes a new patient of the host's own, for a call that changes its patient; its id. */
    public interface NewPatient {
        String create() throws Exception;
    }

    /**
     * Where and with what a host serves the module.
     *
     * @param port the loopback port
     * @param fhirBase the FHIR base path, e.g. {@code /fhir}
     * @param adminBase the administration API's base path, e.g. {@code /admin}
     * @param adminCredentials {@code user:password} of a user holding every privilege, who makes the fixtures
     * @param patient a patient of the host's
     * @param encounter an encounter of that patient, at the site, with a clinical note
     * @param site a site with a recording policy that allows the README's recording
     * @param newPatient makes another patient of the host's
     */
    public record Host(
            int port,
            String fhirBase,
            String adminBase,
            String adminCredentials,
            String patient,
            String encounter,
            String site,
            NewPatient newPatient) {}

    /** A staff member who objects to being recorded (STF-1), not one of the matrix's users. */
    public static final String SOMEONE_ELSE = "00000000-0000-4000-8000-000000000001";

    /** Content of a recording: a WebM signature, then bytes no signature knows. */
    public static final byte[] CONTENT = content();

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Host host;
    private final String patientId;
    private final String encounterId;
    private final String siteId;
    private final String admin;

    public FhirMatrixCalls(Host host) {
        this.host = host;
        this.patientId = host.patient();
        this.encounterId = host.encounter();
        this.siteId = host.site();
        this.admin = host.adminCredentials();
    }

    public Host host() {
        return host;
    }

    /**
     * The request of each row. The shared fixtures (a completed recording with content, the patient's consent, a
     * legal hold, a note, register entries) are made once; what a call changes is made for each cell.
     */
    public Map<String, Maker> calls() throws Exception {
        String consent = giveConsent(patientId);
        String shown = completedRecording(patientId, encounterId);
        // A note of the host's, where the host serves its notes (the standalone server): made when first read.
        String[] note = new String[1];
        Maker noteRead = () -> {
            if (note[0] == null) {
                note[0] = created("DocumentReference", note(patientId, encounterId));
            }
            return Call.get("/fhir/DocumentReference/" + note[0], 200);
        };
        String hold = adminCreated(
                "/admin/registers/legal-holds",
                "{\"patient\":\"" + patientId + "\",\"basis\":\"CLAIM\",\"reference\":\"" + reference() + "\"}");
        String staffObjection =
                adminCreated("/admin/registers/staff-objections", "{\"staff\":\"" + SOMEONE_ELSE + "\"}");
        String covertAuthorisation =
                adminCreated("/admin/registers/covert-authorisations", covertAuthorisation(patientId));
        String withdrawing = host.newPatient().create();
        String objecting = host.newPatient().create();
        String standing = adminCreated("/admin/registers/patient-objections", "{\"patient\":\"" + objecting + "\"}");

        Map<String, Maker> calls = new HashMap<>();
        calls.put("metadata", () -> Call.get("/fhir/metadata", 200));
        calls.put("OperationDefinition read", () -> Call.get("/fhir/OperationDefinition/Media-disclose", 200));
        calls.put("Patient read", () -> Call.get("/fhir/Patient/" + patientId, 200));
        calls.put("Patient search-type", () -> Call.get("/fhir/Patient?_id=" + patientId, 200));
        calls.put("Patient create", () -> Call.post("/fhir/Patient", json(patient()), 201));
        calls.put(
                "Patient $record-death",
                () -> Call.post(
                        "/fhir/Patient/" + host.newPatient().create() + "/$record-death",
                        json(parameters("date", new DateType("2026-11-01"))),
                        200));
        calls.put(
                "Patient $legal-hold",
                () -> Call.post("/fhir/Patient/" + patientId + "/$legal-hold", json(hold(reference())), 200));
        calls.put("Patient $lift-legal-hold", () -> {
            String reference = reference();
            send(Call.post("/fhir/Patient/" + patientId + "/$legal-hold", json(hold(reference)), 200), admin, 200);
            return Call.post(
                    "/fhir/Patient/" + patientId + "/$lift-legal-hold",
                    json(parameters("reference", new StringType(reference), "reason", new StringType("Claim settled"))),
                    200);
        });
        calls.put(
                "Patient $subject-access",
                () -> Call.post(
                                "/fhir/Patient/" + patientId + "/$subject-access",
                                json(parameters("reference", new StringType(reference()))),
                                200)
                        .with("Accept", "application/zip"));
        calls.put("Encounter read", () -> Call.get("/fhir/Encounter/" + encounterId, 200));
        calls.put("Encounter search-type", () -> Call.get("/fhir/Encounter?patient=" + patientId, 200));
        calls.put("Encounter create", () -> Call.post("/fhir/Encounter", encounter(patientId, siteId), 201));
        calls.put("Location read", () -> Call.get("/fhir/Location/" + siteId, 200));
        calls.put("Location search-type", () -> Call.get("/fhir/Location?name=Riverside", 200));
        calls.put(
                "Location create",
                () -> Call.post(
                        "/fhir/Location",
                        "{\"resourceType\":\"Location\",\"name\":\"Site " + reference() + "\"}",
                        201));
        calls.put("DocumentReference read", noteRead);
        calls.put("DocumentReference search-type", () -> Call.get("/fhir/DocumentReference?patient=" + patientId, 200));
        calls.put(
                "DocumentReference create",
                () -> Call.post("/fhir/DocumentReference", note(patientId, encounterId), 201));

        calls.put("Media create", () -> Call.post("/fhir/Media", recordingStart(patientId, encounterId, "OVERT"), 201));
        calls.put("Media read", () -> Call.get("/fhir/Media/" + shown, 200));
        calls.put("Media vread", () -> Call.get("/fhir/Media/" + shown + "/_history/1", 200));
        calls.put("Media history-instance", () -> Call.get("/fhir/Media/" + shown + "/_history", 200));
        calls.put("Media search-type", () -> Call.get("/fhir/Media?patient=" + patientId, 200));
        calls.put(
                "Media update",
                () -> new Call(
                        "PUT",
                        "/fhir/Media/" + shown,
                        "application/fhir+json",
                        send(Call.get("/fhir/Media/" + shown, 200), admin, 200).getBytes(StandardCharsets.UTF_8),
                        Map.of(),
                        200));
        calls.put("Media $stop", () -> Call.post("/fhir/Media/" + recording(patientId, encounterId) + "/$stop", 200));
        calls.put("Media $complete", () -> {
            String id = recording(patientId, encounterId);
            upload(id);
            return Call.post("/fhir/Media/" + id + "/$complete", 200);
        });
        calls.put(
                "Media $confirm-consent",
                () -> Call.post(
                        "/fhir/Media/" + completedRecording(patientId, encounterId) + "/$confirm-consent",
                        example("confirm-consent.json"),
                        200));
        calls.put(
                "Media $void",
                () -> Call.post(
                        "/fhir/Media/" + completedRecording(patientId, encounterId) + "/$void",
                        json(parameters("reason", new StringType("Recorded against the wrong patient"))),
                        200));
        calls.put(
                "Media $legal-hold",
                () -> Call.post("/fhir/Media/" + shown + "/$legal-hold", json(hold(reference())), 200));
        calls.put("Media $lift-legal-hold", () -> {
            String reference = reference();
            send(Call.post("/fhir/Media/" + shown + "/$legal-hold", json(hold(reference)), 200), admin, 200);
            return Call.post(
                    "/fhir/Media/" + shown + "/$lift-legal-hold",
                    json(parameters("reference", new StringType(reference), "reason", new StringType("Claim settled"))),
                    200);
        });
        calls.put(
                "Media $disclose",
                () -> Call.post("/fhir/Media/" + shown + "/$disclose", json(disclosure()), 200)
                        .with("Accept", "application/zip"));
        calls.put(
                "Media $binary-access-write",
                () -> new Call(
                        "POST",
                        "/fhir/Media/" + recording(patientId, encounterId) + "/$binary-access-write",
                        "video/webm",
                        CONTENT,
                        Map.of(),
                        200));
        calls.put(
                "Media $binary-access-write (chunk)",
                () -> new Call(
                                "POST",
                                "/fhir/Media/" + recording(patientId, encounterId) + "/$binary-access-write",
                                "video/webm",
                                CONTENT,
                                Map.of(),
                                200)
                        .with("Content-Range", "bytes 0-" + (CONTENT.length - 1) + "/*"));
        calls.put("Media $binary-access-read", () -> Call.get("/fhir/Media/" + shown + "/$binary-access-read", 200));
        calls.put(
                "Media $anonymised-derivative",
                () -> Call.post(
                        "/fhir/Media/" + shown + "/$anonymised-derivative",
                        json(parameters(
                                "deIdentification",
                                new Coding(
                                        "http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "ANONYED", null),
                                "purpose",
                                new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "TRAIN", null))),
                        200));
        calls.put(
                "Binary read",
                () -> Call.get("/fhir/Binary/" + shown + "-content", 200).with("Accept", "application/fhir+json"));
        calls.put(
                "Binary read (content download)",
                () -> Call.get("/fhir/Binary/" + shown + "-content", 206).with("Range", "bytes=0-99"));

        calls.put("Consent create", () -> Call.post("/fhir/Consent", consentFor(patientId), 201));
        calls.put("Consent read", () -> Call.get("/fhir/Consent/" + consent, 200));
        calls.put("Consent vread", () -> Call.get("/fhir/Consent/" + consent + "/_history/1", 200));
        calls.put("Consent history-instance", () -> Call.get("/fhir/Consent/" + consent + "/_history", 200));
        calls.put("Consent search-type", () -> Call.get("/fhir/Consent?patient=" + patientId, 200));
        calls.put("Consent $withdraw", () -> {
            String given = giveConsent(withdrawing);
            return Call.post("/fhir/Consent/" + given + "/$withdraw", example("withdraw.json"), 200);
        });
        calls.put(
                "Consent read (standing objection)",
                () -> Call.get("/fhir/Consent/standing-objection-" + standing, 200));
        calls.put(
                "Consent search-type (standing objections)",
                () -> Call.get("/fhir/Consent?patient=" + objecting + "&category=STANDING_OBJECTION", 200));
        calls.put(
                "Consent read (staff objection)",
                () -> Call.get("/fhir/Consent/staff-objection-" + staffObjection, 200));
        calls.put(
                "Consent search-type (staff objections)",
                () -> Call.get("/fhir/Consent?category=STAFF_OBJECTION", 200));
        calls.put(
                "Consent read (covert authorisation)",
                () -> Call.get("/fhir/Consent/covert-authorisation-" + covertAuthorisation, 200));
        calls.put("Flag read", () -> Call.get("/fhir/Flag/" + hold, 200));
        calls.put("Flag search-type", () -> Call.get("/fhir/Flag?patient=" + patientId, 200));
        calls.put("AuditEvent read", () -> Call.get("/fhir/AuditEvent/1", 200));
        calls.put("AuditEvent search-type", () -> Call.get("/fhir/AuditEvent?_count=5", 200));
        calls.put("AuditEvent $verify-chain", () -> Call.get("/fhir/AuditEvent/$verify-chain", 200));
        return calls;
    }

    /** A recording just started, in progress, by the administrator. */
    public String recording(String patient, String encounter) throws Exception {
        return created("Media", recordingStart(patient, encounter, "OVERT"));
    }

    /** A recording with its content, completed: awaiting the patient's confirmation (CON-7). */
    public String completedRecording(String patient, String encounter) throws Exception {
        String id = recording(patient, encounter);
        upload(id);
        send(Call.post("/fhir/Media/" + id + "/$complete", 200), admin, 200);
        return id;
    }

    public void upload(String recording) throws Exception {
        send(
                new Call(
                        "POST",
                        "/fhir/Media/" + recording + "/$binary-access-write",
                        "video/webm",
                        CONTENT,
                        Map.of(),
                        200),
                admin,
                200);
    }

    /** The README's consent, given for the patient by the administrator. */
    public String giveConsent(String patient) throws Exception {
        return created("Consent", consentFor(patient));
    }

    /** A new patient of the standalone server's register. */
    public static Patient patient() {
        Patient patient = new Patient();
        patient.addIdentifier()
                .setSystem(FhirUrls.BASE + "/sid/standalone-medical-record-number")
                .setValue("AM-" + UUID.randomUUID().toString().substring(0, 13));
        patient.addName().setFamily("Matrix").addGiven("Morgan");
        patient.setGender(AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType("1980-05-17"));
        return patient;
    }

    /** A new encounter of the patient at the site, for a host that registers encounters over FHIR. */
    public static String encounter(String patient, String site) {
        return "{\"resourceType\":\"Encounter\",\"subject\":{\"reference\":\"Patient/" + patient + "\"},"
                + "\"location\":[{\"location\":{\"reference\":\"Location/" + site + "\"}}]}";
    }

    public static String note(String patient, String encounter) {
        return "{\"resourceType\":\"DocumentReference\",\"status\":\"current\",\"subject\":{\"reference\":\"Patient/"
                + patient + "\"},\"context\":{\"encounter\":[{\"reference\":\"Encounter/" + encounter + "\"}]},"
                + "\"content\":[{\"attachment\":{\"contentType\":\"text/plain; charset=UTF-8\",\"data\":\""
                + Base64.getEncoder().encodeToString("Seen; recording discussed.".getBytes(StandardCharsets.UTF_8))
                + "\"}}]}";
    }

    /** The README's recording start, of the patient in the encounter, overt or covert. */
    public String recordingStart(String patient, String encounter, String mode) throws IOException {
        return example("recording-start.json")
                .replaceAll("\"Patient/[^\"]+\"", "\"Patient/" + patient + "\"")
                .replaceAll("\"Encounter/[^\"]+\"", "\"Encounter/" + encounter + "\"")
                .replaceAll("\"Location/[^\"]+\"", "\"Location/" + siteId + "\"")
                .replace("\"OVERT\"", "\"" + mode + "\"");
    }

    public String consentFor(String patient) throws IOException {
        return example("consent-given.json")
                .replaceAll("\"Patient/[^\"]+\"", "\"Patient/" + patient + "\"")
                .replaceAll("\"Location/[^\"]+\"", "\"Location/" + siteId + "\"");
    }

    /** A covert authorisation of the patient, current for a month (COV-1). */
    public static String covertAuthorisation(String patient) {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        return "{\"patient\":\"" + patient + "\",\"authorisingBody\":\"Police\",\"reference\":\"OP-" + reference()
                + "\",\"legalBasis\":\"Regulation of Investigatory Powers Act 2000\","
                + "\"justification\":\"INVESTIGATE_SERIOUS_CRIME\",\"noOtherMeans\":true,"
                + "\"validFrom\":\"" + today.minus(1, ChronoUnit.DAYS) + "\",\"validUntil\":\""
                + today.plus(30, ChronoUnit.DAYS) + "\"}";
    }

    public static Parameters hold(String reference) {
        return parameters(
                "matter", new Coding(FhirUrls.CS_LEGAL_MATTER, "CLAIM", null), "reference", new StringType(reference));
    }

    /** A disclosure to solicitors for a claim (REC-6). */
    public static Parameters disclosure() {
        return parameters(
                "purpose",
                new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "HLEGAL", null),
                "matter",
                new Coding(FhirUrls.CS_LEGAL_MATTER, "CLAIM", null),
                "recipient",
                new StringType("Claimant's solicitors"),
                "reference",
                new StringType(reference()),
                "othersConsentedOrRedacted",
                new BooleanType(true));
    }

    public static Parameters parameters(Object... nameValuePairs) {
        Parameters parameters = new Parameters();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            parameters.addParameter().setName((String) nameValuePairs[i]).setValue((org.hl7.fhir.r4.model.Type)
                    nameValuePairs[i + 1]);
        }
        return parameters;
    }

    public static String reference() {
        return "M-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String json(Resource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    /** Creates a resource as the administrator; its id. */
    public String created(String type, Object resource) throws Exception {
        String body = resource instanceof Resource r ? json(r) : (String) resource;
        String answer = send(Call.post("/fhir/" + type, body, 201), admin, 201);
        return JsonParser.parseString(answer).getAsJsonObject().get("id").getAsString();
    }

    /** Creates a register entry as the administrator; its id. */
    public String adminCreated(String path, String body) throws Exception {
        Call call = new Call("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of(), 201);
        String answer = send(call, admin, 201);
        return JsonParser.parseString(answer).getAsJsonObject().get("id").getAsString();
    }

    /** Sends as the user and insists on the status; the body. */
    public String send(Call call, String credentials, int expected) throws Exception {
        HttpResponse<String> answer = send(call, credentials);
        assertThat(answer.statusCode())
                .as(call.method() + " " + call.path() + ": " + answer.body())
                .isEqualTo(expected);
        return answer.body();
    }

    /** Sends as the user (null for nobody signed in). */
    public HttpResponse<String> send(Call call, String credentials) throws IOException, InterruptedException {
        return sendOnce(http, request(call, credentials), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Sends; once more when the server had closed the pooled connection the request went out on, before reading it
     * (nothing was answered, so nothing was done).
     */
    public static <T> HttpResponse<T> sendOnce(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            return http.send(request, body);
        }
    }

    /** Sends as the user; the answer's bytes (a zip). */
    public HttpResponse<byte[]> sendForBytes(Call call, String credentials) throws IOException, InterruptedException {
        return sendOnce(http, request(call, credentials), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The address of a path written against {@code /fhir} or {@code /admin}, where the host serves it. */
    public String address(String path) {
        String served;
        if (below(path, "/fhir")) {
            served = host.fhirBase() + path.substring("/fhir".length());
        } else if (below(path, "/admin")) {
            served = host.adminBase() + path.substring("/admin".length());
        } else {
            throw new IllegalArgumentException("neither a FHIR nor an administration path: " + path);
        }
        return "http://127.0.0.1:" + host.port() + served;
    }

    /** Whether the path is the base, or below it, or the base with a query (a paging link). */
    private static boolean below(String path, String base) {
        return path.equals(base) || path.startsWith(base + "/") || path.startsWith(base + "?");
    }

    private HttpRequest request(Call call, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address(call.path())))
                .method(
                        call.method(),
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        call.headers().forEach(request::header);
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    public static String example(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs").resolve("examples"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("the repository root above " + Path.of("").toAbsolutePath())
                .isNotNull();
        return Files.readString(dir.resolve("docs").resolve("examples").resolve(name));
    }

    private static byte[] content() {
        byte[] bytes = new byte[4096];
        byte[] webm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = i < webm.length ? webm[i] : (byte) ('a' + i % 26);
        }
        return bytes;
    }
}
