/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.domain.PatientId;

/**
 * The content store failing under an upload: a full disk is answered 507, a store that fails otherwise (an
 * S3-compatible service that stops answering) 503 with {@code Retry-After}, each as an OperationOutcome naming the
 * cause. Nothing is committed, the store keeps no temporary object, the recording takes the same chunk again once the
 * store works, and its content is then whole.
 */
class StoreFaultsIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final byte[] BYTES =
            "A consultation long enough to fail part-way through its upload.".getBytes(StandardCharsets.UTF_8);

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

    @AfterEach
    void healTheStore() {
        clinic.store.heal();
    }

    @Test
    void aFullDiskIsAnswered507AndTheSameUploadSucceedsOnceThereIsSpace() throws Exception {
        assertRefusedThenAccepted(
                new FileSystemException("/var/lib/recordings/objects/tmp", null, "No space left on device"),
                507,
                "The content store is full");
    }

    @Test
    void aStoreThatFailsIsAnswered503WithRetryAfterAndTheSameUploadSucceedsOnceItAnswers() throws Exception {
        HttpResponse<String> refused = assertRefusedThenAccepted(
                new IOException("S3 upload of objects/ab/cd failed: connection refused"),
                503,
                "The content store is unavailable");
        assertThat(refused.headers().firstValue("Retry-After")).contains("30");
    }

    @Test
    void contentThatCannotBeReadFromTheStoreIsAnswered503AndPlaysOnceItAnswers() throws Exception {
        String id = consentedRecording();
        assertThat(upload(id).statusCode()).isEqualTo(200);

        clinic.store.failReadsWith(new IOException("S3 GET of objects/ab/cd failed: timed out"));
        HttpResponse<String> refused = download(id);
        clinic.store.heal();
        HttpResponse<String> played = download(id);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("30");
        assertThat(refused.body()).contains("The content store is unavailable").doesNotContain("S3 GET");
        assertThat(played.statusCode()).isEqualTo(200);
        assertThat(played.body()).isEqualTo(new String(BYTES, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> download(String id) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(clinic.base + "/Binary/" + id + "-content"))
                        .header("Authorization", TestClinic.authorization("clinician"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> assertRefusedThenAccepted(IOException fault, int status, String says)
            throws Exception {
        String id = consentedRecording();
        long committed = clinic.store.committedObjects();

        clinic.store.failWritesWith(fault);
        HttpResponse<String> refused = upload(id);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(status);
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, refused.body());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TRANSIENT);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).startsWith(says).contains("changed nothing");
        assertThat(refused.body()).doesNotContain("FileSystemException", "S3 upload of");
        assertThat(clinic.store.committedObjects()).as("nothing committed").isEqualTo(committed);
        assertThat(clinic.store.temporaryObjects())
                .as("no temporary object left")
                .isZero();
        Media after = client().read().resource(Media.class).withId(id).execute();
        assertThat(after.getStatus()).isEqualTo(Media.MediaStatus.INPROGRESS);
        assertThat(after.getContent().hasSize()).as("no content recorded").isFalse();

        clinic.store.heal();
        HttpResponse<String> accepted = upload(id);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        Media uploaded = FHIR.newJsonParser().parseResource(Media.class, accepted.body());
        assertThat(uploaded.getContent().getSize()).isEqualTo(BYTES.length);
        assertThat(clinic.store.committedObjects()).isEqualTo(committed + 1);
        return refused;
    }

    private String consentedRecording() {
        PatientId patient = PatientId.random();
        IGenericClient clinician = client();
        clinician.create().resource(Requests.consentGiven(patient)).execute();
        Media started = (Media) clinician
                .create()
                .resource(Requests.consultation(patient, clinic.encounterOf(patient)))
                .execute()
                .getResource();
        return started.getIdElement().getIdPart();
    }

    private HttpResponse<String> upload(String id) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(clinic.base + "/Media/" + id + "/$binary-access-write"))
                        .header("Authorization", TestClinic.authorization("clinician"))
                        .header("Content-Type", "video/webm")
                        .header("Accept", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(BYTES))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static IGenericClient client() {
        IGenericClient client = FHIR.newRestfulGenericClient(clinic.base);
        client.registerInterceptor(new BasicAuthInterceptor("clinician", TestClinic.PASSWORD));
        return client;
    }
}
