/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.fhir.FhirUrls;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;

/**
 * The FHIR API of the running standalone server, driven with HAPI's FHIR client as an external system drives it:
 * Basic authentication as the demo users, the whole recording workflow, a refusal of every rule family with its
 * rule code, paging by next links, conditional creates racing, and covert recordings hidden from searches. Every
 * resource the server answers is validated against the base specification and the profiles it declares. Each test
 * registers its own patients through the host's {@code Patient} endpoint. Each database engine extends this with how
 * to get a fresh database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
abstract class FhirClientContract {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String MEDICAL_RECORD_NUMBER = FhirUrls.BASE + "/sid/standalone-medical-record-number";
    private static final String MEDIA_PROFILE = FhirUrls.BASE + "/StructureDefinition/recording-media";
    private static final String CONSENT_PROFILE = FhirUrls.BASE + "/StructureDefinition/recording-consent";
    private static final String RECORDER = "urn:example:recorder";
    private static final String ADMIN = "admin:" + StandaloneConfig.DEFAULT_ADMIN_PASSWORD;
    private static final String CLINICIAN = "clinician:Clinician123";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private StandaloneApplication server;
    private IGenericClient admin;
    private IGenericClient clinician;
    private IGenericClient records;
    private IGenericClient auditor;

    /** Flags selecting a fresh, empty database of the engine under test; none for the default H2 file database. */
    protected abstract List<String> freshDatabase();

    @BeforeAll
    void startServer(@TempDir Path dataDir) {
        server = StandaloneServerContract.start(dataDir, freshDatabase());
        admin = client("admin", StandaloneConfig.DEFAULT_ADMIN_PASSWORD);
        clinician = client("clinician", "Clinician123");
        records = client("records", "Records123");
        auditor = client("auditor", "Auditor123");
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("CON-1..CON-6, SAF-2: consent, record, upload in chunks, complete, find, play, withdraw, audit")
    void theWholeRecordingWorkflow() throws Exception {
        Patient patient = newPatient();
        Encounter encounter = newEncounter(patient);

        MethodOutcome given = clinician.create().resource(consentFor(patient)).execute();
        Consent consent = valid((Consent) given.getResource());
        assertThat(given.getCreated()).isTrue();
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(consent.getMeta().getVersionId()).isEqualTo("1");
        assertThat(consent.getMeta().getProfile()).extracting(p -> p.getValue()).contains(CONSENT_PROFILE);

        Media started = start(clinician, recordingOf(patient, encounter));
        String id = started.getIdElement().getIdPart();
        assertThat(started.getStatus()).isEqualTo(Media.MediaStatus.INPROGRESS);
        assertThat(started.getMeta().getProfile()).extracting(p -> p.getValue()).contains(MEDIA_PROFILE);
        assertThat(governingConsent(started))
                .isEqualTo("Consent/" + consent.getIdElement().getIdPart());

        byte[] bytes = new byte[300_000];
        new Random(4).nextBytes(bytes);
        HttpResponse<byte[]> first = upload(id, "video/webm", Arrays.copyOfRange(bytes, 0, 100_000), "bytes 0-99999/*");
        assertThat(first.statusCode()).as(text(first)).isEqualTo(200);
        assertThat(first.headers().firstValue("Upload-Offset")).contains("100000");
        valid(FHIR.newJsonParser().parseResource(Media.class, text(first)));
        HttpResponse<byte[]> last =
                upload(id, "video/webm", Arrays.copyOfRange(bytes, 100_000, 300_000), "bytes 100000-299999/300000");
        assertThat(last.statusCode()).as(text(last)).isEqualTo(200);
        assertThat(last.headers().firstValue("Upload-Offset")).contains("300000");
        Media uploaded = valid(FHIR.newJsonParser().parseResource(Media.class, text(last)));
        assertThat(uploaded.getContent().getSize()).isEqualTo(bytes.length);
        assertThat(uploaded.getContent().getContentType()).isEqualTo("video/webm");

        Media completed = operation(clinician, "Media/" + id, "$complete", Media.class);
        assertThat(completed.getStatus()).isEqualTo(Media.MediaStatus.COMPLETED);

        Bundle found = search(clinician, "Media?patient=" + idOf(patient) + "&_include=Media:consent");
        assertThat(found.getEntry())
                .extracting(e -> e.getResource().fhirType() + "/"
                        + e.getResource().getIdElement().getIdPart())
                .containsExactly(
                        "Media/" + id, "Consent/" + consent.getIdElement().getIdPart());
        assertThat(found.getEntry().get(1).getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.INCLUDE);

        Binary described = valid(
                clinician.read().resource(Binary.class).withId(id + "-content").execute());
        assertThat(described.getSecurityContext().getReference()).isEqualTo("Media/" + id);

        String hash =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        HttpResponse<byte[]> range =
                raw("GET", "/fhir/Binary/" + id + "-content", CLINICIAN, null, null, "Range", "bytes=1000-1999");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 1000-1999/300000");
        assertThat(range.headers().firstValue("ETag")).contains("\"" + hash + "\"");
        HttpResponse<byte[]> whole = raw("GET", "/fhir/Media/" + id + "/$binary-access-read", CLINICIAN, null, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(bytes);
        assertThat(whole.headers().firstValue("ETag")).contains("\"" + hash + "\"");

        Consent withdrawn =
                operation(clinician, "Consent/" + consent.getIdElement().getIdPart(), "$withdraw", Consent.class);
        assertThat(withdrawn.getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
        assertThat(withdrawn.getMeta().getVersionId()).isEqualTo("2");
        Consent asGiven = valid(clinician
                .read()
                .resource(Consent.class)
                .withIdAndVersion(consent.getIdElement().getIdPart(), "1")
                .execute());
        assertThat(asGiven.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(asGiven.getMeta().getVersionId()).isEqualTo("1");
        Media kept = valid(records.read().resource(Media.class).withId(id).execute());
        assertThat(kept.getStatus())
                .as("CON-6: a completed recording stays in the record")
                .isEqualTo(Media.MediaStatus.COMPLETED);

        Bundle trail = search(auditor, "AuditEvent?entity=Media/" + id + "&_count=200");
        assertThat(trail.getEntry())
                .extracting(e -> description((AuditEvent) e.getResource()))
                .anySatisfy(d -> assertThat(d).contains("action PLAY"))
                .anySatisfy(d -> assertThat(d).contains("action DOWNLOAD"))
                .anySatisfy(d -> assertThat(d).contains("action SEARCH"));
    }

    @Test
    @DisplayName("CON-1: a recording without consent is refused, naming the rule")
    void aRecordingWithoutConsentIsRefused() {
        Patient patient = newPatient();

        BaseServerResponseException refused = refusal(() -> clinician
                .create()
                .resource(recordingOf(patient, newEncounter(patient)))
                .execute());

        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(codes(refused)).as(refused.getMessage()).containsOnly("CON-1");
        assertThat(mediaOf(clinician, patient).getTotal()).isZero();
    }

    @Test
    @DisplayName("CON-10: a patient's standing objection, recorded on the admin API, refuses a recording")
    void aStandingObjectionRefusesARecording() throws Exception {
        Patient patient = newPatient();
        Encounter encounter = newEncounter(patient);
        giveConsent(patient);
        JsonObject objection = admin(
                "POST",
                "/admin/registers/patient-objections",
                CLINICIAN,
                "{\"patient\":\"" + idOf(patient) + "\"}",
                201);

        BaseServerResponseException refused = refusal(() ->
                clinician.create().resource(recordingOf(patient, encounter)).execute());

        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(codes(refused)).containsExactly("CON-10");
        Consent asConsent = valid(clinician
                .read()
                .resource(Consent.class)
                .withId("standing-objection-" + objection.get("id").getAsString())
                .execute());
        assertThat(asConsent.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.DENY);
    }

    @Test
    @DisplayName("STF-1: a staff member's objection, recorded on the admin API, refuses their recordings")
    void aStaffObjectionRefusesTheirRecordings() throws Exception {
        Patient patient = newPatient();
        Encounter encounter = newEncounter(patient);
        giveConsent(patient);
        Media before = start(clinician, recordingOf(patient, encounter));
        String staff = before.getOperator().getReferenceElement().getIdPart();
        operation(clinician, "Media/" + before.getIdElement().getIdPart(), "$stop", Media.class);

        JsonObject objection =
                admin("POST", "/admin/registers/staff-objections", CLINICIAN, "{\"staff\":\"" + staff + "\"}", 201);
        BaseServerResponseException refused;
        Bundle asConsent;
        try {
            refused = refusal(() ->
                    clinician.create().resource(recordingOf(patient, encounter)).execute());
            asConsent =
                    search(admin, "Consent?category=STAFF_OBJECTION&actor=Practitioner/" + staff + "&status=active");
        } finally {
            admin(
                    "POST",
                    "/admin/registers/staff-objections/" + objection.get("id").getAsString() + "/end",
                    CLINICIAN,
                    null,
                    200);
        }

        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(codes(refused)).containsExactly("STF-1");
        assertThat(asConsent.getTotal()).isEqualTo(1);
        Media after = start(clinician, recordingOf(patient, encounter));
        assertThat(after.getStatus()).isEqualTo(Media.MediaStatus.INPROGRESS);
    }

    @Test
    @DisplayName("TEL-1: a clinician recording one call is refused: calls are recorded by the site's routine only")
    void aClinicianRecordingOneCallIsRefused() {
        Patient patient = newPatient();
        Encounter encounter = newEncounter(patient);
        giveConsent(patient);
        Media call = recordingOf(patient, encounter);
        call.setModality(kind("TELEPHONE"));
        call.setType(
                new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/media-type", "audio", null)));
        call.getContent().setContentType("audio/webm");

        BaseServerResponseException refused =
                refusal(() -> clinician.create().resource(call).execute());

        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(issues(refused)).as(refused.getMessage()).contains("TEL-1 at initiator", "TEL-1 at site");
    }

    @Test
    @DisplayName("COV-1: a covert recording without a current authorisation is refused")
    void aCovertRecordingWithoutAuthorisationIsRefused() {
        Patient patient = newPatient();
        Media covert = covertRecordingOf(patient, newEncounter(patient));

        BaseServerResponseException refused =
                refusal(() -> admin.create().resource(covert).execute());

        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(codes(refused)).as(refused.getMessage()).containsOnly("COV-1");
    }

    @Test
    @DisplayName("PAT-2: a patient's shared copy needs the date it was received, not in the future, and how obtained")
    void aSharedCopyWithoutItsProvenanceIsRefused() {
        Patient patient = newPatient();
        Encounter encounter = newEncounter(patient);
        Media shared = recordingOf(patient, encounter);
        shared.getExtensionByUrl(FhirUrls.EXT_INITIATOR).setValue(new Coding(FhirUrls.CS_INITIATOR, "PATIENT", null));
        shared.getExtension()
                .removeIf(e -> e.getUrl().equals(FhirUrls.EXT_PURPOSE)
                        && ((CodeableConcept) e.getValue())
                                .getCodingFirstRep()
                                .getCode()
                                .equals("TRAIN"));
        Extension copy = shared.addExtension().setUrl(FhirUrls.EXT_PATIENT_SHARED_COPY);
        copy.addExtension(
                "received",
                new DateTimeType(LocalDate.now(ZoneOffset.UTC).plusDays(2).toString()));

        BaseServerResponseException refused =
                refusal(() -> clinician.create().resource(shared).execute());

        assertThat(refused.getStatusCode()).as(refused.getMessage()).isEqualTo(422);
        assertThat(codes(refused)).containsOnly("PAT-2").hasSize(2);
    }

    @Test
    @DisplayName("SAF-3: an auditor may not start a recording, nor a clinician read the audit trail")
    void aUserWithoutThePrivilegeIsRefused() {
        Patient patient = newPatient();
        Encounter encounter = newEncounter(patient);
        giveConsent(patient);

        BaseServerResponseException auditorRecording = refusal(
                () -> auditor.create().resource(recordingOf(patient, encounter)).execute());
        BaseServerResponseException clinicianAuditing =
                refusal(() -> search(clinician, "AuditEvent?patient=" + idOf(patient)));

        assertThat(auditorRecording.getStatusCode()).isEqualTo(403);
        assertThat(codes(auditorRecording)).containsExactly("SAF-3");
        assertThat(clinicianAuditing.getStatusCode()).isEqualTo(403);
        assertThat(codes(clinicianAuditing)).containsExactly("SAF-3");
        assertThat(mediaOf(clinician, patient).getTotal()).isZero();
    }

    @Test
    @DisplayName("REC-1: nobody deletes a recording, whatever their privileges")
    void deletingARecordingIsRefused() {
        Media started = consentedRecording();
        String id = started.getIdElement().getIdPart();

        BaseServerResponseException refused =
                refusal(() -> admin.delete().resourceById("Media", id).execute());

        assertThat(refused.getStatusCode()).isEqualTo(405);
        assertThat(codes(refused)).containsExactly("REC-1");
        assertThat(valid(clinician.read().resource(Media.class).withId(id).execute())
                        .getStatus())
                .isEqualTo(Media.MediaStatus.INPROGRESS);
    }

    @Test
    @DisplayName("VER-1, LIF-1: a change from a stale version is refused with 412; completing twice is refused")
    void staleChangesAndIllegalTransitionsAreRefused() {
        Media started = consentedRecording();
        String id = started.getIdElement().getIdPart();
        String version = started.getMeta().getVersionId();

        Media completed = clinician
                .operation()
                .onInstance("Media/" + id)
                .named("$complete")
                .withParameters(new Parameters())
                .returnResourceType(Media.class)
                .withAdditionalHeader("If-Match", "W/\"" + version + "\"")
                .execute();
        BaseServerResponseException stale = refusal(() -> clinician
                .operation()
                .onInstance("Media/" + id)
                .named("$stop")
                .withParameters(new Parameters())
                .returnResourceType(Media.class)
                .withAdditionalHeader("If-Match", "W/\"" + version + "\"")
                .execute());
        BaseServerResponseException twice =
                refusal(() -> operation(clinician, "Media/" + id, "$complete", Media.class));

        assertThat(valid(completed).getStatus()).isEqualTo(Media.MediaStatus.COMPLETED);
        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(codes(stale)).containsExactly("VER-1");
        assertThat(twice.getStatusCode()).isEqualTo(422);
        assertThat(codes(twice)).containsExactly("LIF-1");
        assertThat(valid(clinician.read().resource(Media.class).withId(id).execute())
                        .getStatus())
                .isEqualTo(Media.MediaStatus.COMPLETED);
    }

    @Test
    @DisplayName("SAF-4: malformed JSON, content of the wrong type and an unknown patient each get their own error")
    void badInputsAreRefusedAndLeaveNothingBehind() throws Exception {
        Media started = consentedRecording();
        String id = started.getIdElement().getIdPart();

        HttpResponse<byte[]> malformed = raw(
                "POST",
                "/fhir/Media",
                CLINICIAN,
                "application/fhir+json",
                "{\"resourceType\": \"Media\", \"status\": ".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> wrongType = upload(id, "application/pdf", new byte[] {1, 2, 3}, null);
        Patient unknown = new Patient();
        unknown.setId(UUID.randomUUID().toString());
        Media ofUnknown = recordingOf(unknown, newEncounter(newPatient())).setEncounter(null);
        BaseServerResponseException unknownPatient =
                refusal(() -> clinician.create().resource(ofUnknown).execute());

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(codes(outcome(text(malformed)))).containsExactly("SAF-4");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(codes(outcome(text(wrongType)))).containsExactly("SAF-4");
        assertThat(valid(clinician.read().resource(Media.class).withId(id).execute())
                        .getContent()
                        .hasUrl())
                .as("nothing of the refused upload is attached")
                .isFalse();
        // The unknown patient alone (SAF-4), not beside the consent it cannot have (CON-1): an input error, hence 400.
        assertThat(unknownPatient.getStatusCode())
                .as(unknownPatient.getMessage())
                .isEqualTo(400);
        assertThat(issues(unknownPatient)).containsExactly("SAF-4 at subject");
        assertThat(mediaOf(clinician, unknown).getTotal()).isZero();
    }

    @Test
    @DisplayName("Search pages: _count with next links to the end, every recording once, the right total")
    void searchResultsComePageByPage() {
        Patient patient = newPatient();
        Encounter encounter = newEncounter(patient);
        giveConsent(patient);
        Set<String> started = new TreeSet<>();
        for (int i = 0; i < 5; i++) {
            started.add(start(clinician, recordingOf(patient, encounter))
                    .getIdElement()
                    .getIdPart());
        }

        Bundle page = search(clinician, "Media?patient=" + idOf(patient) + "&_count=2");
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int pages = 0;
        while (true) {
            assertThat(page.getTotal()).isEqualTo(5);
            sizes.add(page.getEntry().size());
            page.getEntry().forEach(e -> seen.add(e.getResource().getIdElement().getIdPart()));
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                break;
            }
            assertThat(++pages).as("pages followed").isLessThan(10);
            page = valid(clinician.loadPage().next(page).execute());
        }

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(Set.copyOf(seen)).isEqualTo(started);
    }

    @Test
    @DisplayName("Eight concurrent conditional creates with one identifier: one 201, and all answer the same recording")
    void concurrentConditionalCreatesStartOneRecording() throws Exception {
        Patient patient = newPatient();
        Encounter encounter = newEncounter(patient);
        giveConsent(patient);
        String value = UUID.randomUUID().toString();

        List<MethodOutcome> answers = StandaloneServerContract.concurrently(
                8,
                i -> client("clinician", "Clinician123")
                        .create()
                        .resource(recordingOf(patient, encounter))
                        .conditionalByUrl("Media?identifier=" + RECORDER + "|" + value)
                        .execute());

        assertThat(answers).filteredOn(a -> Boolean.TRUE.equals(a.getCreated())).hasSize(1);
        answers.forEach(a -> valid(a.getResource()));
        assertThat(answers.stream().map(a -> a.getId().getIdPart()).distinct()).hasSize(1);
        Bundle found = mediaOf(clinician, patient);
        assertThat(found.getTotal()).isEqualTo(1);
        Media media = (Media) found.getEntryFirstRep().getResource();
        assertThat(media.getIdElement().getIdPart())
                .isEqualTo(answers.get(0).getId().getIdPart());
        assertThat(media.getIdentifierFirstRep().getSystem()).isEqualTo(RECORDER);
        assertThat(media.getIdentifierFirstRep().getValue()).isEqualTo(value);
    }

    @Test
    @DisplayName(
            "COV-2: a covert recording is neither found nor counted nor read without the covert privilege: its id is unknown")
    void covertRecordingsStayHiddenFromTheUnprivileged() throws Exception {
        Patient patient = newPatient();
        Encounter encounter = newEncounter(patient);
        giveConsent(patient);
        String overt =
                start(clinician, recordingOf(patient, encounter)).getIdElement().getIdPart();
        Instant now = Instant.now();
        admin(
                "POST",
                "/admin/registers/covert-authorisations",
                ADMIN,
                "{\"patient\":\"" + idOf(patient) + "\",\"authorisingBody\":\"Police\",\"reference\":\"OP-"
                        + UUID.randomUUID() + "\",\"legalBasis\":\"RIPA_2000\","
                        + "\"justification\":\"INVESTIGATE_SERIOUS_CRIME\",\"noOtherMeans\":true,\"validFrom\":\""
                        + now.minus(1, ChronoUnit.HOURS) + "\",\"validUntil\":\"" + now.plus(1, ChronoUnit.DAYS)
                        + "\"}",
                201);
        String covert = start(admin, covertRecordingOf(patient, encounter))
                .getIdElement()
                .getIdPart();

        Bundle privileged = mediaOf(admin, patient);
        Bundle unprivileged = mediaOf(clinician, patient);
        BaseServerResponseException read = refusal(
                () -> clinician.read().resource(Media.class).withId(covert).execute());

        assertThat(ids(privileged)).containsExactlyInAnyOrder(overt, covert);
        assertThat(privileged.getTotal()).isEqualTo(2);
        assertThat(ids(unprivileged)).containsExactly(overt);
        assertThat(unprivileged.getTotal()).isEqualTo(1);
        assertThat(read.getStatusCode()).as(read.getMessage()).isEqualTo(404);
        assertThat(codes(read)).containsExactly("NF-1");
    }

    /** A client of the server's FHIR base signing in as a user with HTTP Basic, as an external system does. */
    private IGenericClient client(String user, String password) {
        IGenericClient client = FHIR.newRestfulGenericClient(base());
        client.registerInterceptor(new BasicAuthInterceptor(user, password));
        return client;
    }

    private String base() {
        return "http://127.0.0.1:" + server.port() + "/fhir";
    }

    /** A new patient registered through the host's Patient endpoint, with an identifier of its own. */
    private Patient newPatient() {
        Patient patient = new Patient();
        patient.addIdentifier()
                .setSystem(MEDICAL_RECORD_NUMBER)
                .setValue("IT-" + UUID.randomUUID().toString().substring(0, 13));
        patient.addName().setFamily("Tester").addGiven("Robin");
        patient.setGender(AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType("1980-05-17"));
        MethodOutcome created = clinician.create().resource(patient).execute();
        assertThat(created.getCreated()).isTrue();
        return valid((Patient) created.getResource());
    }

    /** A new consultation of the patient at the demo site, through the host's Encounter endpoint. */
    private Encounter newEncounter(Patient patient) {
        Encounter encounter = new Encounter().setSubject(new Reference("Patient/" + idOf(patient)));
        encounter.addLocation().setLocation(new Reference("Location/" + DemoData.SITE));
        MethodOutcome created = clinician.create().resource(encounter).execute();
        assertThat(created.getCreated()).isTrue();
        return valid((Encounter) created.getResource());
    }

    /** The clinician records the patient's consent to recordings of their consultations, as the README does. */
    private Consent giveConsent(Patient patient) {
        MethodOutcome given = clinician.create().resource(consentFor(patient)).execute();
        assertThat(given.getCreated()).isTrue();
        return valid((Consent) given.getResource());
    }

    /** The README's consent to video recording of consultations for care and training, given by this patient. */
    private static Consent consentFor(Patient patient) {
        Consent consent = parse(Consent.class, "consent-given.json");
        consent.setPatient(new Reference("Patient/" + idOf(patient)));
        return consent;
    }

    /** The README's overt consultation video of the patient, for care and training, at the demo site. */
    private static Media recordingOf(Patient patient, Encounter encounter) {
        Media media = parse(Media.class, "recording-start.json");
        media.setSubject(new Reference("Patient/" + idOf(patient)));
        media.setEncounter(new Reference("Encounter/" + encounter.getIdElement().getIdPart()));
        return media;
    }

    private static Media covertRecordingOf(Patient patient, Encounter encounter) {
        Media media = recordingOf(patient, encounter);
        media.getExtensionByUrl(FhirUrls.EXT_MODE).setValue(new Coding(FhirUrls.CS_MODE, "COVERT", null));
        return media;
    }

    private Media consentedRecording() {
        Patient patient = newPatient();
        Encounter encounter = newEncounter(patient);
        giveConsent(patient);
        return start(clinician, recordingOf(patient, encounter));
    }

    private static Media start(IGenericClient client, Media recording) {
        MethodOutcome created = client.create().resource(recording).execute();
        assertThat(created.getCreated()).isTrue();
        return valid((Media) created.getResource());
    }

    private static <T extends Resource> T operation(
            IGenericClient client, String instance, String name, Class<T> type) {
        return valid(client.operation()
                .onInstance(instance)
                .named(name)
                .withParameters(new Parameters())
                .returnResourceType(type)
                .execute());
    }

    private static Bundle search(IGenericClient client, String query) {
        return valid(client.search().byUrl(query).returnBundle(Bundle.class).execute());
    }

    private static Bundle mediaOf(IGenericClient client, Patient patient) {
        return search(client, "Media?patient=" + idOf(patient) + "&_count=100");
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart())
                .toList();
    }

    private static String governingConsent(Media media) {
        Extension governing = media.getExtensionByUrl(FhirUrls.EXT_GOVERNING_CONSENT);
        assertThat(governing).as("the governing consent").isNotNull();
        return ((Reference) governing.getValue()).getReference();
    }

    private static String description(AuditEvent event) {
        return event.getEntity().stream()
                .map(AuditEvent.AuditEventEntityComponent::getDescription)
                .filter(d -> d != null)
                .collect(Collectors.joining("; "));
    }

    private static CodeableConcept kind(String code) {
        return new CodeableConcept(new Coding(FhirUrls.CS_RECORDING_KIND, code, null));
    }

    private static String idOf(Patient patient) {
        return patient.getIdElement().getIdPart();
    }

    /** The resource, after asserting that it validates against the base specification and its declared profiles. */
    private static <T extends IBaseResource> T valid(T resource) {
        assertThat(resource).isNotNull();
        assertThat(ProfileValidator.errors(resource))
                .as(() -> FHIR.newJsonParser().encodeResourceToString(resource))
                .isEmpty();
        return resource;
    }

    /** The server's refusal of a call, which must not succeed. */
    private static BaseServerResponseException refusal(Callable<?> call) {
        try {
            Object answer = call.call();
            throw new AssertionError("expected a refusal, got " + answer);
        } catch (BaseServerResponseException refused) {
            return refused;
        } catch (Exception unexpected) {
            throw new AssertionError(unexpected);
        }
    }

    /** The rule codes of a refusal's OperationOutcome, which must be valid. */
    private static List<String> codes(BaseServerResponseException refused) {
        assertThat(refused.getOperationOutcome()).as(refused.getMessage()).isInstanceOf(OperationOutcome.class);
        return codes((OperationOutcome) refused.getOperationOutcome());
    }

    private static List<String> codes(OperationOutcome outcome) {
        valid(outcome);
        return outcome.getIssue().stream()
                .filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
                .map(i -> i.getDetails().getCodingFirstRep().getCode())
                .toList();
    }

    /** The error issues of a refusal's OperationOutcome, each as "code at expression". */
    private static List<String> issues(BaseServerResponseException refused) {
        OperationOutcome outcome = valid((OperationOutcome) refused.getOperationOutcome());
        return outcome.getIssue().stream()
                .filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
                .map(i -> i.getDetails().getCodingFirstRep().getCode() + " at "
                        + i.getExpression().stream().map(e -> e.getValue()).collect(Collectors.joining(",")))
                .toList();
    }

    private static OperationOutcome outcome(String body) {
        return FHIR.newJsonParser().parseResource(OperationOutcome.class, body);
    }

    private static <T extends IBaseResource> T parse(Class<T> type, String example) {
        try {
            return FHIR.newJsonParser()
                    .parseResource(type, Files.readString(StandaloneServerContract.example(example)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Raw bytes of the content upload, which HAPI's client does not send: one chunk, or the whole. */
    private HttpResponse<byte[]> upload(String media, String contentType, byte[] bytes, String contentRange)
            throws Exception {
        String path = "/fhir/Media/" + media + "/$binary-access-write";
        return contentRange == null
                ? raw("POST", path, CLINICIAN, contentType, bytes)
                : raw("POST", path, CLINICIAN, contentType, bytes, "Content-Range", contentRange);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** A call on the administration API answering JSON with the status expected. */
    private JsonObject admin(String method, String path, String credentials, String json, int status) throws Exception {
        HttpResponse<byte[]> answer = raw(
                method,
                path,
                credentials,
                json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        String body = text(answer);
        assertThat(answer.statusCode()).as(body).isEqualTo(status);
        return JsonParser.parseString(body).getAsJsonObject();
    }

    private HttpResponse<byte[]> raw(
            String method, String path, String credentials, String contentType, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(TIMEOUT)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
