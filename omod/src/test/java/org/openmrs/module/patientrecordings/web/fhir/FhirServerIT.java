/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.fhir.FhirUrls;
import org.openmrs.module.patientrecordings.fhir.PurposeCodes;
import org.openmrs.module.patientrecordings.fhir.UnreadableBodies;

class FhirServerIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @TempDir
    static Path content;

    private static TestClinic clinic;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void openTheClinic() throws Exception {
        clinic = new TestClinic(content);
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    }

    @AfterAll
    static void closeTheClinic() throws Exception {
        clinic.close();
    }

    @Test
    void aConsultationIsConsentedRecordedUploadedInChunksCompletedFoundPlayedWithdrawnAndAudited() throws Exception {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client("clinician");
        Consent consent = (Consent) clinician
                .create()
                .resource(Requests.consentGiven(patient))
                .execute()
                .getResource();
        assertThat(PackageValidator.errors(consent)).isEmpty();

        Media started = start(clinician, patient);
        assertThat(started.getStatus()).isEqualTo(Media.MediaStatus.INPROGRESS);
        byte[] bytes = "Recorded consultation: a video of thirty-two plus bytes.".getBytes(StandardCharsets.UTF_8);
        String id = started.getIdElement().getIdPart();
        long objectsBefore = clinic.store.committedObjects();
        assertThat(upload(id, "video/webm", Arrays.copyOfRange(bytes, 0, 20), "bytes 0-19/*")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> second = upload(id, "video/webm", Arrays.copyOfRange(bytes, 20, 40), "bytes 20-39/*");
        assertThat(second.headers().firstValue("Upload-Offset")).contains("40");
        assertThat(clinic.store.committedObjects()).as("the chunks so far").isEqualTo(objectsBefore + 2);
        HttpResponse<String> last = upload(
                id,
                "video/webm",
                Arrays.copyOfRange(bytes, 40, bytes.length),
                "bytes 40-" + (bytes.length - 1) + "/" + bytes.length);
        Media uploaded = FHIR.newJsonParser().parseResource(Media.class, last.body());
        assertThat(uploaded.getContent().getSize()).isEqualTo(bytes.length);
        assertThat(clinic.store.committedObjects())
                .as("the chunks as stored are the content, with the list of them: nothing assembled")
                .isEqualTo(objectsBefore + 4);
        assertThat(uploaded.getContent().getHash())
                .as("the whole content's SHA-1, carried from chunk to chunk")
                .isEqualTo(MessageDigest.getInstance("SHA-1").digest(bytes));
        assertThat(uploaded.getContent().getUrl()).isEqualTo(clinic.base + "/Binary/" + id + "-content");

        Media completed = operation(clinician, id, "$complete", new Parameters(), Media.class);
        assertThat(completed.getStatus()).isEqualTo(Media.MediaStatus.COMPLETED);
        assertThat(PackageValidator.errors(completed)).isEmpty();

        Bundle found = clinician
                .search()
                .byUrl("Media?patient=Patient/" + patient + "&_include=Media:consent")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getEntry()).extracting(e -> e.getResource().fhirType()).containsExactly("Media", "Consent");

        HttpResponse<byte[]> range = get("/Binary/" + id + "-content", "clinician", "bytes=5-14");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bytes, 5, 15));
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 5-14/" + bytes.length);
        assertThat(range.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(range.headers().firstValue("Content-Type"))
                .as("no charset on binary content")
                .contains("video/webm");
        HttpResponse<byte[]> acrossChunks = get("/Binary/" + id + "-content", "clinician", "bytes=15-44");
        assertThat(acrossChunks.statusCode()).isEqualTo(206);
        assertThat(acrossChunks.body())
                .as("a range over the three chunks")
                .isEqualTo(Arrays.copyOfRange(bytes, 15, 45));
        HttpResponse<byte[]> whole = get("/Media/" + id + "/$binary-access-read", "clinician", null);
        assertThat(whole.body()).isEqualTo(bytes);
        assertThat(whole.headers().firstValue("ETag")).isPresent();
        assertThat(whole.headers().firstValue("Content-Type"))
                .as("no charset on binary content")
                .contains("video/webm");

        Consent withdrawn = operation(
                clinician, consent.getIdElement().getIdPart(), "$withdraw", new Parameters(), Consent.class, "Consent");
        assertThat(withdrawn.getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
        assertThat(withdrawn.getMeta().getVersionId()).isEqualTo("2");
        assertThat(PackageValidator.errors(withdrawn)).isEmpty();
        Consent firstVersion = clinician
                .read()
                .resource(Consent.class)
                .withIdAndVersion(consent.getIdElement().getIdPart(), "1")
                .execute();
        assertThat(firstVersion.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);

        Bundle audit = client("auditor")
                .search()
                .byUrl("AuditEvent?entity=Media/" + id + "&_count=100")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(audit.getEntry())
                .extracting(e -> ((AuditEvent) e.getResource())
                        .getEntity().stream()
                                .map(x -> x.getDescription())
                                .filter(d -> d != null)
                                .findFirst()
                                .orElse(""))
                .anyMatch(d -> d.contains("action PLAY"))
                .anyMatch(d -> d.contains("action DOWNLOAD"))
                .anyMatch(d -> d.contains("action SEARCH"));
        assertThat(audit.getEntry())
                .allSatisfy(e ->
                        assertThat(PackageValidator.errors(e.getResource())).isEmpty());
    }

    @Test
    void anAnonymisedDerivativeIsItsOwnRecordingLinkedToItsSource() throws Exception {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client("clinician");
        clinician.create().resource(Requests.consentGiven(patient)).execute();
        String source = start(clinician, patient).getIdElement().getIdPart();
        byte[] bytes = "Identifiable consultation video".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(source, "video/webm", bytes, null).statusCode()).isEqualTo(200);
        operation(clinician, source, "$complete", new Parameters(), Media.class);

        Parameters in = new Parameters();
        in.addParameter()
                .setName("deIdentification")
                .setValue(new Coding("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "ANONYED", null));
        in.addParameter().setName("purpose").setValue(PurposeCodes.toCoding(Purpose.TRAINING));
        Media derivative = operation(clinician, source, "$anonymised-derivative", in, Media.class);

        assertThat(derivative.getIdElement().getIdPart()).isNotEqualTo(source);
        assertThat(derivative.getStatus()).isEqualTo(Media.MediaStatus.INPROGRESS);
        assertThat(((Reference) derivative
                                .getExtensionByUrl(FhirUrls.EXT_DERIVATIVE_OF)
                                .getValue())
                        .getReference())
                .endsWith("Media/" + source);
        assertThat(PackageValidator.errors(derivative)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MASKED", "PSEUDED", "ANONYED"})
    void aDerivativeKeepsTheDeIdentificationItWasMadeAtOnEveryRead(String level) throws Exception {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client("clinician");
        clinician.create().resource(Requests.consentGiven(patient)).execute();
        String source = start(clinician, patient).getIdElement().getIdPart();
        byte[] bytes = "Identifiable consultation video".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(source, "video/webm", bytes, null).statusCode()).isEqualTo(200);
        operation(clinician, source, "$complete", new Parameters(), Media.class);
        Parameters in = new Parameters();
        in.addParameter()
                .setName("deIdentification")
                .setValue(new Coding("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", level, null));
        in.addParameter().setName("purpose").setValue(PurposeCodes.toCoding(Purpose.TRAINING));

        Media started = operation(clinician, source, "$anonymised-derivative", in, Media.class);
        Media read = clinician
                .read()
                .resource(Media.class)
                .withId(started.getIdElement().getIdPart())
                .execute();

        for (Media derivative : List.of(started, read)) {
            assertThat(derivative.getMeta().getSecurity())
                    .filteredOn(c -> "http://terminology.hl7.org/CodeSystem/v3-ObservationValue".equals(c.getSystem()))
                    .extracting(Coding::getCode)
                    .containsExactly(level);
            assertThat(PackageValidator.errors(derivative)).isEmpty();
        }
    }

    @Test
    void aRecordingNamesTheAreaItWasMadeInAndAClinicianIsRefusedInANoFilmingArea() throws Exception {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client("clinician");
        clinician.create().resource(Requests.consentGiven(patient)).execute();
        Media inReception = Requests.consultation(patient, clinic.encounterOf(patient));
        inReception.addExtension(FhirUrls.EXT_AREA, new CodeType("RECEPTION"));
        Media inConsultingRoom = Requests.consultation(patient, clinic.encounterOf(patient));
        inConsultingRoom.addExtension(FhirUrls.EXT_AREA, new CodeType("CONSULTING_ROOM_1"));

        HttpResponse<String> refused = post(
                "/Media",
                "clinician",
                "application/fhir+json",
                FHIR.newJsonParser().encodeResourceToString(inReception).getBytes(StandardCharsets.UTF_8),
                null);
        Media started =
                (Media) clinician.create().resource(inConsultingRoom).execute().getResource();
        Media read = clinician
                .read()
                .resource(Media.class)
                .withId(started.getIdElement().getIdPart())
                .execute();

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(codes(refused.body())).containsExactly("PAT-3");
        assertThat(read.getExtensionByUrl(FhirUrls.EXT_AREA).getValue().primitiveValue())
                .isEqualTo("CONSULTING_ROOM_1");
        assertThat(PackageValidator.errors(read)).isEmpty();
        assertThat(mediaIds(clinician, patient, "area=CONSULTING_ROOM_1"))
                .containsExactly(started.getIdElement().getIdPart());
        assertThat(mediaIds(clinician, patient, "area=RECEPTION")).isEmpty();
    }

    @Test
    void aRecordingWithoutConsentIsRefusedWithCon1() throws Exception {
        PatientId patient = PatientId.random();
        HttpResponse<String> refused = post(
                "/Media",
                "clinician",
                "application/fhir+json",
                FHIR.newJsonParser()
                        .encodeResourceToString(Requests.consultation(patient, clinic.encounterOf(patient)))
                        .getBytes(StandardCharsets.UTF_8),
                null);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(codes(refused.body())).contains("CON-1");
    }

    @Test
    void withdrawingConsentDuringARecordingStopsAndSealsItAtOnce() throws Exception {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client("clinician");
        Consent consent = (Consent) clinician
                .create()
                .resource(Requests.consentGiven(patient))
                .execute()
                .getResource();
        Media started = start(clinician, patient);
        String id = started.getIdElement().getIdPart();

        Consent withdrawn = operation(
                clinician, consent.getIdElement().getIdPart(), "$withdraw", new Parameters(), Consent.class, "Consent");

        Reference stopped = (Reference) withdrawn
                .getExtensionByUrl(FhirUrls.EXT_WITHDRAWAL)
                .getExtensionByUrl("duringRecording")
                .getValue();
        assertThat(stopped.getReference()).endsWith("Media/" + id);
        HttpResponse<String> read = getString("/Media/" + id, "clinician");
        assertThat(read.statusCode()).as("not allowed by a rule: forbidden").isEqualTo(403);
        assertThat(codes(read.body())).containsExactly("CON-5");
        HttpResponse<String> moreContent = upload(id, "video/webm", new byte[] {1, 2, 3}, null);
        assertThat(codes(moreContent.body())).containsExactly("LIF-1");
    }

    @Test
    void deletingARecordingIsRefusedWithRec1() throws Exception {
        Media started = consentedRecording();
        HttpResponse<String> refused = http.send(
                request("/Media/" + started.getIdElement().getIdPart(), "clinician")
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(codes(refused.body())).containsExactly("REC-1");
    }

    @Test
    void aUserWithoutThePrivilegeIsRefusedWithSaf3AndAStrangerIsAskedToSignIn() throws Exception {
        Media started = consentedRecording();

        HttpResponse<String> refused =
                getString("/Media/" + started.getIdElement().getIdPart(), "nobody");
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create(
                                clinic.base + "/Media/" + started.getIdElement().getIdPart()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metadata = http.send(
                HttpRequest.newBuilder(URI.create(clinic.base + "/metadata")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(codes(refused.body())).containsExactly("SAF-3");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body())
                .contains(FhirUrls.OP_WITHDRAW, "\"_lastUpdated\"", "history-instance", "vread")
                .doesNotContain("\"delete\"");
    }

    @Test
    void malformedJsonIsRefusedWithSaf4() throws Exception {
        HttpResponse<String> refused = post(
                "/Media",
                "clinician",
                "application/fhir+json",
                "{\"resourceType\": \"Media\", \"status\": ".getBytes(StandardCharsets.UTF_8),
                null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(codes(refused.body())).containsExactly("SAF-4");
        OperationOutcome.OperationOutcomeIssueComponent issue = FHIR.newJsonParser()
                .parseResource(OperationOutcome.class, refused.body())
                .getIssueFirstRep();
        assertThat(issue.getDetails().getText()).doesNotContain("HAPI-");
        assertThat(issue.getDiagnostics()).contains("HAPI-");
    }

    @Test
    void aBodyTheParserFailsOnIsRefusedWithSaf4NotAServerFailure() throws Exception {
        // A JSON member with an empty name makes HAPI's parser fail with an index out of range, not a refusal.
        for (String type : List.of("Media", "Consent")) {
            HttpResponse<String> refused = post(
                    "/" + type,
                    "clinician",
                    "application/fhir+json",
                    ("{\"resourceType\": \"" + type + "\", \"\": 1}").getBytes(StandardCharsets.UTF_8),
                    null);

            assertThat(refused.statusCode()).as(type).isEqualTo(400);
            assertThat(codes(refused.body())).as(type).containsExactly("SAF-4");
            assertThat(refused.body())
                    .as(type)
                    .contains(UnreadableBodies.MESSAGE)
                    .doesNotContain("incident");
        }
    }

    @Test
    void pagingParametersThatAreNotWholeNumbersAreRefusedWithSaf4NamingTheParameter() {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client("clinician");
        clinician.create().resource(Requests.consentGiven(patient)).execute();
        String id = id(start(clinician, patient));

        for (String query : List.of("_count=-1", "_count=abc", "_count=99999999999999999999", "_offset=-5")) {
            HttpResponse<String> search = getString("/Media?patient=" + patient + "&" + query, "clinician");
            HttpResponse<String> history = getString("/Media/" + id + "/_history?" + query, "clinician");
            String parameter = query.substring(0, query.indexOf('='));
            for (HttpResponse<String> refused : List.of(search, history)) {
                assertThat(refused.statusCode()).as(query).isEqualTo(400);
                assertThat(codes(refused.body())).as(query).containsExactly("SAF-4");
                assertThat(FHIR.newJsonParser()
                                .parseResource(OperationOutcome.class, refused.body())
                                .getIssueFirstRep()
                                .getExpression())
                        .extracting(e -> e.getValue())
                        .as(query)
                        .containsExactly(parameter);
            }
        }
        HttpResponse<String> zero = getString("/Media?patient=" + patient + "&_count=0&_offset=0", "clinician");
        assertThat(zero.statusCode()).isEqualTo(200);
    }

    @Test
    void anIdLongerThanFhirAllowsIsRefusedWithSaf4NamingNoInternals() {
        String tooLong = "a".repeat(300);

        HttpResponse<String> read = getString("/Media/" + tooLong, "clinician");
        HttpResponse<String> operation = getString("/Media/" + tooLong + "/$binary-access-read", "clinician");
        HttpResponse<String> version = getString("/Consent/c1/_history/" + tooLong, "clinician");

        for (HttpResponse<String> refused : List.of(read, operation, version)) {
            assertThat(refused.statusCode()).as(refused.uri().toString()).isEqualTo(400);
            assertThat(codes(refused.body())).containsExactly("SAF-4");
            assertThat(refused.body()).doesNotContain("java.", "Exception", "HAPI-0389");
        }
    }

    @Test
    void aRefusalIsWrittenInXmlWhenTheClientAsksForXml() throws Exception {
        HttpResponse<String> refused = http.send(
                request("/Media?patient=p1&_count=-1", "clinician")
                        .header("Accept", "application/fhir+xml")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+xml"));
        assertThat(FHIR.newXmlParser()
                        .parseResource(OperationOutcome.class, refused.body())
                        .getIssueFirstRep()
                        .getDetails()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("SAF-4");
    }

    @Test
    void contentOfTheWrongTypeIsRefusedWithSaf4AndNothingIsStored() throws Exception {
        Media started = consentedRecording();
        long before = clinic.store.committedObjects();

        HttpResponse<String> refused =
                upload(started.getIdElement().getIdPart(), "application/pdf", new byte[] {1, 2, 3}, null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(codes(refused.body())).containsExactly("SAF-4");
        assertThat(clinic.store.committedObjects()).isEqualTo(before);
    }

    @Test
    void aTruncatedUploadIsRefusedWithSaf4AndLeavesNothingBehind() throws Exception {
        Media started = consentedRecording();
        long before = clinic.store.committedObjects();

        // 100 bytes announced, 10 sent, then the connection ends.
        String response = rawUpload(started.getIdElement().getIdPart(), 100, "0123456789");

        assertThat(response).startsWith("HTTP/1.1 400").contains("SAF-4");
        assertThat(clinic.store.committedObjects()).isEqualTo(before);
        Media after = FHIR.newJsonParser()
                .parseResource(
                        Media.class,
                        getString("/Media/" + started.getIdElement().getIdPart(), "clinician")
                                .body());
        assertThat(after.getContent().hasUrl()).isFalse();
    }

    @Test
    void aChunkThatDoesNotStartAtTheUploadOffsetOrChangesTheTypeIsRefusedWithSaf4AndTheUploadContinues()
            throws Exception {
        String id = consentedRecording().getIdElement().getIdPart();
        byte[] bytes = "twenty bytes of webm".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(id, "video/webm", Arrays.copyOfRange(bytes, 0, 8), "bytes 0-7/*")
                        .headers()
                        .firstValue("Upload-Offset"))
                .contains("8");
        long before = clinic.store.committedObjects();

        HttpResponse<String> gap = upload(id, "video/webm", Arrays.copyOfRange(bytes, 10, 20), "bytes 10-19/20");
        HttpResponse<String> again = upload(id, "video/webm", Arrays.copyOfRange(bytes, 0, 8), "bytes 0-7/*");
        HttpResponse<String> otherType = upload(id, "video/mp4", Arrays.copyOfRange(bytes, 8, 20), "bytes 8-19/20");

        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(gap.body()).contains("This chunk starts at 10; the next byte expected is 8");
        assertThat(again.body()).contains("This chunk starts at 0; the next byte expected is 8");
        assertThat(otherType.statusCode()).isEqualTo(400);
        assertThat(otherType.body()).contains("The upload began as video/webm, not video/mp4");
        assertThat(List.of(gap, again, otherType))
                .allSatisfy(r -> assertThat(codes(r.body())).containsExactly("SAF-4"));
        assertThat(clinic.store.committedObjects())
                .as("refused chunks are removed")
                .isEqualTo(before);

        HttpResponse<String> last = upload(id, "video/webm", Arrays.copyOfRange(bytes, 8, 20), "bytes 8-19/20");
        assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
        assertThat(last.headers().firstValue("Upload-Offset")).contains("20");
        assertThat(get("/Media/" + id + "/$binary-access-read", "clinician", null)
                        .body())
                .isEqualTo(bytes);
    }

    @Test
    void anOversizedUploadIsRefusedWithSaf4BeforeItsBodyIsRead() throws Exception {
        Media started = consentedRecording();
        long before = clinic.store.committedObjects();

        // Only the headers are sent: the announced size alone is refused, so nothing of the body is needed.
        String response = rawUpload(started.getIdElement().getIdPart(), TestClinic.MAX_UPLOAD + 1, "");

        assertThat(response).startsWith("HTTP/1.1 400").contains("SAF-4");
        assertThat(clinic.store.committedObjects()).isEqualTo(before);
    }

    @Test
    void aChangeFromAStaleVersionIsRefusedWith412() throws Exception {
        Media started = consentedRecording();

        HttpResponse<String> stale = post(
                "/Media/" + started.getIdElement().getIdPart() + "/$stop",
                "clinician",
                "application/fhir+json",
                FHIR.newJsonParser().encodeResourceToString(new Parameters()).getBytes(StandardCharsets.UTF_8),
                "W/\"0\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(codes(stale.body())).containsExactly("VER-1");
    }

    @Test
    void aRetriedConditionalCreateReturnsTheFirstRecording() throws Exception {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client("clinician");
        clinician.create().resource(Requests.consentGiven(patient)).execute();
        Media media = Requests.consultation(patient, clinic.encounterOf(patient));
        String condition = "identifier=urn:example:recorder|" + PatientId.random();

        var first = clinician
                .create()
                .resource(media)
                .conditionalByUrl("Media?" + condition)
                .execute();
        var retry = clinician
                .create()
                .resource(media)
                .conditionalByUrl("Media?" + condition)
                .execute();

        assertThat(first.getCreated()).isTrue();
        assertThat(retry.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
    }

    @Test
    void everyVersionOfARecordingStaysReadableByVreadAndInItsHistoryNewestFirst() throws Exception {
        IGenericClient clinician = client("clinician");
        Media started = consentedRecording();
        String id = started.getIdElement().getIdPart();
        upload(id, "video/webm", "the whole consultation".getBytes(StandardCharsets.UTF_8), null);
        Media completed = operation(clinician, id, "$complete", new Parameters(), Media.class);

        Media first =
                clinician.read().resource(Media.class).withIdAndVersion(id, "1").execute();
        Media second =
                clinician.read().resource(Media.class).withIdAndVersion(id, "2").execute();
        Bundle history = clinician
                .history()
                .onInstance("Media/" + id)
                .returnBundle(Bundle.class)
                .count(10)
                .execute();
        HttpResponse<String> noSuchVersion = getString("/Media/" + id + "/_history/9", "clinician");
        HttpResponse<String> notAVersion = getString("/Media/" + id + "/_history/latest", "clinician");

        assertThat(completed.getMeta().getVersionId()).isEqualTo("3");
        assertThat(first.getMeta().getVersionId()).isEqualTo("1");
        assertThat(first.getStatus()).isEqualTo(Media.MediaStatus.INPROGRESS);
        assertThat(first.getContent().hasSize()).isFalse();
        assertThat(first.getMeta().getLastUpdated()).isEqualTo(started.getMeta().getLastUpdated());
        assertThat(second.getMeta().getVersionId()).isEqualTo("2");
        assertThat(second.getContent().getSize()).isEqualTo(22);
        assertThat(second.getStatus()).isEqualTo(Media.MediaStatus.INPROGRESS);
        assertThat(completed.getMeta().getLastUpdated())
                .isAfterOrEqualTo(second.getMeta().getLastUpdated());
        assertThat(history.getType()).isEqualTo(Bundle.BundleType.HISTORY);
        assertThat(history.getEntry())
                .extracting(e -> e.getResource().getMeta().getVersionId())
                .containsExactly("3", "2", "1");
        assertThat(((Media) history.getEntry().get(0).getResource()).getStatus())
                .isEqualTo(Media.MediaStatus.COMPLETED);
        assertThat(noSuchVersion.statusCode()).isEqualTo(404);
        assertThat(codes(noSuchVersion.body())).containsExactly("NF-1");
        assertThat(notAVersion.statusCode()).isEqualTo(404);
        assertThat(List.of(first, second, completed))
                .allSatisfy(m -> assertThat(PackageValidator.errors(m)).isEmpty());
        assertThat(history.getEntry())
                .allSatisfy(e ->
                        assertThat(PackageValidator.errors(e.getResource())).isEmpty());
        assertThat(auditDescriptions(id)).anyMatch(d -> d.contains("version 1")).anyMatch(d -> d.contains("history"));
    }

    @Test
    void aRecordingsHistoryComesPageByPageAndSinceAnInstant() throws Exception {
        IGenericClient clinician = client("clinician");
        Media started = consentedRecording();
        String id = started.getIdElement().getIdPart();
        upload(id, "video/webm", "part of it".getBytes(StandardCharsets.UTF_8), null);
        Thread.sleep(5);
        Media stopped = operation(clinician, id, "$stop", new Parameters(), Media.class);

        Bundle page = clinician
                .history()
                .onInstance("Media/" + id)
                .returnBundle(Bundle.class)
                .count(2)
                .execute();
        Bundle next = clinician.loadPage().next(page).execute();
        Bundle since = clinician
                .history()
                .onInstance("Media/" + id)
                .returnBundle(Bundle.class)
                .since(stopped.getMeta().getLastUpdated())
                .execute();

        assertThat(page.getEntry())
                .extracting(e -> e.getResource().getMeta().getVersionId())
                .containsExactly("3", "2");
        assertThat(page.getTotal()).isEqualTo(3);
        assertThat(next.getEntry())
                .extracting(e -> e.getResource().getMeta().getVersionId())
                .containsExactly("1");
        assertThat(next.getLink(Bundle.LINK_NEXT)).isNull();
        assertThat(next.getEntry().get(0).getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
        assertThat(page.getEntry().get(0).getResponse().getEtag()).isEqualTo("W/\"3\"");
        assertThat(since.getEntry())
                .extracting(e -> e.getResource().getMeta().getVersionId())
                .containsExactly("3");
    }

    @Test
    void aSealedRecordingStaysHiddenInEveryVersionAndItsHistory() throws Exception {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client("clinician");
        Consent consent = (Consent) clinician
                .create()
                .resource(Requests.consentGiven(patient))
                .execute()
                .getResource();
        String id = start(clinician, patient).getIdElement().getIdPart();
        operation(
                clinician, consent.getIdElement().getIdPart(), "$withdraw", new Parameters(), Consent.class, "Consent");

        HttpResponse<String> firstVersion = getString("/Media/" + id + "/_history/1", "clinician");
        HttpResponse<String> history = getString("/Media/" + id + "/_history", "clinician");
        HttpResponse<String> stranger = getString("/Media/" + id + "/_history/1", "nobody");

        assertThat(firstVersion.statusCode()).isEqualTo(403);
        assertThat(codes(firstVersion.body())).containsExactly("CON-5");
        assertThat(history.statusCode()).isEqualTo(403);
        assertThat(codes(history.body())).containsExactly("CON-5");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(codes(stranger.body())).contains("SAF-3");
    }

    @Test
    void mediaAndConsentAreFoundByLastUpdatedWithInclusiveAndExclusiveBoundaries() throws Exception {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client("clinician");
        Consent consent = (Consent) clinician
                .create()
                .resource(Requests.consentGiven(patient))
                .execute()
                .getResource();
        Media older = start(clinician, patient);
        Thread.sleep(5);
        Media newer = start(clinician, patient);
        String at = newer.getMeta().getLastUpdatedElement().getValueAsString();
        String consentAt = consent.getMeta().getLastUpdatedElement().getValueAsString();

        assertThat(older.getMeta().getLastUpdated()).isBefore(newer.getMeta().getLastUpdated());
        assertThat(consent.getMeta().getLastUpdated()).isNotNull();
        assertThat(mediaIds(clinician, patient, "_lastUpdated=ge" + at)).containsExactly(id(newer));
        assertThat(mediaIds(clinician, patient, "_lastUpdated=gt" + at)).isEmpty();
        assertThat(mediaIds(clinician, patient, "_lastUpdated=le" + at)).containsExactly(id(older), id(newer));
        assertThat(mediaIds(clinician, patient, "_lastUpdated=lt" + at)).containsExactly(id(older));
        assertThat(mediaIds(clinician, patient, "_lastUpdated=eq" + at)).containsExactly(id(newer));
        assertThat(mediaIds(
                        clinician,
                        patient,
                        "_lastUpdated=ge"
                                + older.getMeta().getLastUpdatedElement().getValueAsString() + "&_lastUpdated=lt" + at))
                .containsExactly(id(older));
        assertThat(mediaIds(clinician, patient, "_sort=-_lastUpdated")).containsExactly(id(newer), id(older));
        assertThat(mediaIds(clinician, patient, "_sort=_lastUpdated")).containsExactly(id(older), id(newer));
        HttpResponse<String> badSort = getString("/Media?patient=" + patient + "&_sort=kind", "clinician");
        assertThat(badSort.statusCode()).isEqualTo(400);
        assertThat(codes(badSort.body())).containsExactly("SAF-4");

        Bundle consentsAt = clinician
                .search()
                .byUrl("Consent?patient=" + patient + "&_lastUpdated=eq" + consentAt)
                .returnBundle(Bundle.class)
                .execute();
        Bundle consentsAfter = clinician
                .search()
                .byUrl("Consent?patient=" + patient + "&_lastUpdated=gt" + consentAt)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(consentsAt.getEntry()).hasSize(1);
        assertThat(consentsAfter.getEntry()).isEmpty();
        Consent withdrawn = operation(
                clinician, consent.getIdElement().getIdPart(), "$withdraw", new Parameters(), Consent.class, "Consent");
        assertThat(withdrawn.getMeta().getLastUpdated())
                .isAfterOrEqualTo(consent.getMeta().getLastUpdated());
        Consent firstVersion = clinician
                .read()
                .resource(Consent.class)
                .withIdAndVersion(consent.getIdElement().getIdPart(), "1")
                .execute();
        assertThat(firstVersion.getMeta().getLastUpdated())
                .isEqualTo(consent.getMeta().getLastUpdated());
        assertThat(PackageValidator.errors(withdrawn)).isEmpty();
    }

    @Test
    void aConditionallyCreatedRecordingKeepsItsIdentifierInEveryLaterRead() throws Exception {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client("clinician");
        clinician.create().resource(Requests.consentGiven(patient)).execute();
        String value = "recorder-" + PatientId.random();

        var created = clinician
                .create()
                .resource(Requests.consultation(patient, clinic.encounterOf(patient)))
                .conditionalByUrl("Media?identifier=urn:example:recorder|" + value)
                .execute();
        Media read = clinician
                .read()
                .resource(Media.class)
                .withId(created.getId().getIdPart())
                .execute();
        HttpResponse<String> tooLong = post(
                "/Media",
                "clinician",
                "application/fhir+json",
                FHIR.newJsonParser()
                        .encodeResourceToString(Requests.consultation(patient, clinic.encounterOf(patient)))
                        .getBytes(StandardCharsets.UTF_8),
                null,
                "identifier=urn:example:recorder|" + "x".repeat(300));

        assertThat(read.getIdentifierFirstRep().getSystem()).isEqualTo("urn:example:recorder");
        assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(value);
        assertThat(PackageValidator.errors(read)).isEmpty();
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(codes(tooLong.body())).containsExactly("SAF-4");
    }

    @Test
    void searchResultsComePageByPageWithNextLinks() {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client("clinician");
        clinician.create().resource(Requests.consentGiven(patient)).execute();
        for (int i = 0; i < 3; i++) {
            start(clinician, patient);
        }

        Bundle page = clinician
                .search()
                .byUrl("Media?patient=" + patient + "&_count=2")
                .returnBundle(Bundle.class)
                .execute();
        Bundle next = clinician.loadPage().next(page).execute();

        assertThat(page.getEntry()).hasSize(2);
        assertThat(page.getLink(Bundle.LINK_NEXT)).isNotNull();
        assertThat(next.getEntry()).hasSize(1);
        assertThat(page.getEntry())
                .allSatisfy(e ->
                        assertThat(PackageValidator.errors(e.getResource())).isEmpty());
    }

    @Test
    void aSearchAuditsExactlyTheRecordingsOfEachPageItReturnsAndCountsEveryVisibleHit_SAF2() {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client("clinician");
        clinician.create().resource(Requests.consentGiven(patient)).execute();
        List<String> all = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(id(start(clinician, patient)));
        }

        Bundle first = clinician
                .search()
                .byUrl("Media?patient=" + patient + "&_count=2")
                .returnBundle(Bundle.class)
                .execute();
        List<String> firstPage = first.getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart())
                .toList();

        assertThat(first.getTotal()).isEqualTo(5);
        assertThat(firstPage).hasSize(2);
        assertThat(searchHitsAudited(all)).containsExactlyInAnyOrderElementsOf(firstPage);

        Bundle second = clinician.loadPage().next(first).execute();
        List<String> secondPage = second.getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart())
                .toList();
        assertThat(secondPage).hasSize(2).doesNotContainAnyElementsOf(firstPage);
        List<String> both = new java.util.ArrayList<>(firstPage);
        both.addAll(secondPage);
        assertThat(searchHitsAudited(all)).containsExactlyInAnyOrderElementsOf(both);
    }

    /** The recordings among these that were audited as a search hit, once for each time. */
    private List<String> searchHitsAudited(List<String> recordings) {
        List<String> hits = new java.util.ArrayList<>();
        for (String recording : recordings) {
            Bundle audit = client("auditor")
                    .search()
                    .byUrl("AuditEvent?entity=Media/" + recording + "&_count=100")
                    .returnBundle(Bundle.class)
                    .execute();
            audit.getEntry().stream()
                    .flatMap(e -> ((AuditEvent) e.getResource()).getEntity().stream())
                    .map(x -> x.getDescription())
                    .filter(d -> d != null && d.contains("action SEARCH"))
                    .forEach(d -> hits.add(recording));
        }
        return hits;
    }

    @Test
    void aDisclosureTakesExactlyTheParametersItsOperationDefinitionRequires() throws Exception {
        String id = completedRecording();
        Parameters legal = new Parameters();
        legal.addParameter().setName("matter").setValue(new Coding(FhirUrls.CS_LEGAL_MATTER, "CLAIM", null));
        legal.addParameter().setName("purpose").setValue(PurposeCodes.toCoding(Purpose.LEGAL));
        legal.addParameter().setName("recipient").setValue(new org.hl7.fhir.r4.model.StringType("Solicitors"));
        Parameters training = new Parameters();
        training.addParameter().setName("purpose").setValue(PurposeCodes.toCoding(Purpose.RESEARCH));
        training.addParameter().setName("recipient").setValue(new org.hl7.fhir.r4.model.StringType("A university"));

        HttpResponse<String> disclosed = post(
                "/Media/" + id + "/$disclose",
                "clinician",
                "application/fhir+json",
                FHIR.newJsonParser().encodeResourceToString(legal).getBytes(StandardCharsets.UTF_8),
                null);
        HttpResponse<String> forResearch = post(
                "/Media/" + id + "/$disclose",
                "clinician",
                "application/fhir+json",
                FHIR.newJsonParser().encodeResourceToString(training).getBytes(StandardCharsets.UTF_8),
                null);

        assertThat(disclosed.statusCode()).as(disclosed.body()).isEqualTo(200);
        assertThat(FHIR.newJsonParser()
                        .parseResource(Bundle.class, disclosed.body())
                        .getType())
                .isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(forResearch.statusCode()).as(forResearch.body()).isEqualTo(422);
        assertThat(codes(forResearch.body())).as("no consent to research").containsAnyOf("SEC-1", "SEC-2");
    }

    @Test
    void aLegalHoldAnswersTheFlagPlacedAndTheRecordingsHeld() {
        String id = completedRecording();
        Parameters in = new Parameters();
        in.addParameter().setName("matter").setValue(new Coding(FhirUrls.CS_LEGAL_MATTER, "CLAIM", null));
        in.addParameter().setName("reference").setValue(new org.hl7.fhir.r4.model.StringType("CLAIM-77"));
        String patient = client("clinician")
                .read()
                .resource(Media.class)
                .withId(id)
                .execute()
                .getSubject()
                .getReferenceElement()
                .getIdPart();

        Parameters placed =
                operation(client("records-manager"), patient, "$legal-hold", in, Parameters.class, "Patient");

        assertThat(placed.getParameter("flag").getResource()).isInstanceOf(org.hl7.fhir.r4.model.Flag.class);
        assertThat(placed.getParameter().stream()
                        .filter(p -> p.getName().equals("held"))
                        .map(p -> ((Reference) p.getValue()).getReference()))
                .containsExactly("Media/" + id);
    }

    private String completedRecording() {
        Media started = consentedRecording();
        String id = started.getIdElement().getIdPart();
        try {
            upload(id, "video/webm", "a recording to disclose".getBytes(StandardCharsets.UTF_8), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        operation(client("clinician"), id, "$complete", new Parameters(), Media.class);
        return id;
    }

    @Test
    void aSubjectAccessRequestStreamsAZipWithManifestAndContent() throws Exception {
        Media started = consentedRecording();
        String id = started.getIdElement().getIdPart();
        // In two chunks: the export streams the content across its parts.
        upload(id, "video/webm", "the whole".getBytes(StandardCharsets.UTF_8), "bytes 0-8/19");
        upload(id, "video/webm", " recording".getBytes(StandardCharsets.UTF_8), "bytes 9-18/19");
        String patient = started.getSubject().getReferenceElement().getIdPart();

        HttpResponse<byte[]> zip = http.send(
                request("/Patient/" + patient + "/$subject-access", "clinician")
                        .header("Accept", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}"))
                        .header("Content-Type", "application/fhir+json")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type"))
                .as("no charset on a zip")
                .contains("application/zip");
        List<String> names = new java.util.ArrayList<>();
        String manifest = null;
        byte[] recorded = null;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                byte[] data = in.readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    manifest = new String(data, StandardCharsets.UTF_8);
                } else {
                    recorded = data;
                }
            }
        }
        assertThat(names).containsExactly("manifest.json", "content/" + id);
        assertThat(manifest).contains("\"sha256\"").contains("auditTrail").contains("consentHistory");
        assertThat(new String(recorded, StandardCharsets.UTF_8)).isEqualTo("the whole recording");
    }

    private Media consentedRecording() {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client("clinician");
        clinician.create().resource(Requests.consentGiven(patient)).execute();
        return start(clinician, patient);
    }

    private static Media start(IGenericClient clinician, PatientId patient) {
        EncounterId encounter = clinic.encounterOf(patient);
        return (Media) clinician
                .create()
                .resource(Requests.consultation(patient, encounter))
                .execute()
                .getResource();
    }

    @Test
    void anAuditorVerifiesTheAuditTrailsHashChainOnDemandAndOthersMayNot() {
        client("clinician")
                .create()
                .resource(Requests.consentGiven(PatientId.random()))
                .execute();

        Parameters result = client("auditor")
                .operation()
                .onType(AuditEvent.class)
                .named("$verify-chain")
                .withNoParameters(Parameters.class)
                .useHttpGet()
                .execute();

        assertThat(((org.hl7.fhir.r4.model.BooleanType)
                                result.getParameter("intact").getValue())
                        .booleanValue())
                .isTrue();
        assertThat(((org.hl7.fhir.r4.model.IntegerType)
                                result.getParameter("entries").getValue())
                        .getValue())
                .isPositive();
        assertThat(result.getParameter("head").getValue().primitiveValue()).hasSize(64);
        assertThatThrownBy(() -> client("clinician")
                        .operation()
                        .onType(AuditEvent.class)
                        .named("$verify-chain")
                        .withNoParameters(Parameters.class)
                        .useHttpGet()
                        .execute())
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException.class);
    }

    private static IGenericClient client(String user) {
        IGenericClient client = FHIR.newRestfulGenericClient(clinic.base);
        client.registerInterceptor(new BasicAuthInterceptor(user, TestClinic.PASSWORD));
        return client;
    }

    private static <T extends org.hl7.fhir.r4.model.Resource> T operation(
            IGenericClient client, String id, String name, Parameters in, Class<T> type) {
        return operation(client, id, name, in, type, "Media");
    }

    private static <T extends org.hl7.fhir.r4.model.Resource> T operation(
            IGenericClient client, String id, String name, Parameters in, Class<T> type, String resourceType) {
        return type.cast(client.operation()
                .onInstance(resourceType + "/" + id)
                .named(name)
                .withParameters(in)
                .returnResourceType(type)
                .execute());
    }

    private HttpResponse<String> upload(String id, String contentType, byte[] body, String contentRange)
            throws Exception {
        HttpRequest.Builder b = request("/Media/" + id + "/$binary-access-write", "clinician")
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentRange != null) {
            b.header("Content-Range", contentRange);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user, String contentType, byte[] body, String ifMatch)
            throws Exception {
        return post(path, user, contentType, body, ifMatch, null);
    }

    private HttpResponse<String> post(
            String path, String user, String contentType, byte[] body, String ifMatch, String ifNoneExist)
            throws Exception {
        HttpRequest.Builder b = request(path, user)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (ifNoneExist != null) {
            b.header("If-None-Exist", ifNoneExist);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> mediaIds(IGenericClient client, PatientId patient, String parameters) {
        return client
                .search()
                .byUrl("Media?patient=" + patient + "&" + parameters)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .stream()
                .map(e -> e.getResource().getIdElement().getIdPart())
                .toList();
    }

    private static String id(Media media) {
        return media.getIdElement().getIdPart();
    }

    private static List<String> auditDescriptions(String mediaId) {
        return client("auditor")
                .search()
                .byUrl("AuditEvent?entity=Media/" + mediaId + "&_count=100")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .stream()
                .flatMap(e -> ((AuditEvent) e.getResource()).getEntity().stream())
                .map(x -> x.getDescription() == null ? "" : x.getDescription())
                .toList();
    }

    private HttpResponse<byte[]> get(String path, String user, String range) throws Exception {
        HttpRequest.Builder b = request(path, user).GET();
        if (range != null) {
            b.header("Range", range);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> getString(String path, String user) {
        try {
            return http.send(
                    request(path, user)
                            .header("Accept", "application/fhir+json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create(clinic.base + path))
                .header("Authorization", TestClinic.authorization(user));
    }

    private static List<String> codes(String body) {
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, body);
        return outcome.getIssue().stream()
                .filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
                .map(i -> i.getDetails().getCodingFirstRep().getCode())
                .toList();
    }

    /**
     * Sends an upload over a plain socket, announcing {@code announced} bytes but sending only {@code sent}, and
     * returns the raw response: what an HTTP client would not let a test do.
     */
    private String rawUpload(String mediaId, long announced, String sent) throws Exception {
        URI uri = URI.create(clinic.base + "/Media/" + mediaId + "/$binary-access-write");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: "
                            + TestClinic.authorization("clinician") + "\r\nContent-Type: video/webm\r\n"
                            + "Content-Length: " + announced + "\r\nConnection: close\r\n\r\n" + sent)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
