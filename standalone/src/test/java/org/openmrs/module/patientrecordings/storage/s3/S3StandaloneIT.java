/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.standalone.StandaloneApplication;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;
import org.openmrs.module.patientrecordings.standalone.testing.TestFiles;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The standalone server with its content on an S3-compatible object store (S3Proxy in a child JVM, from the api
 * module's tests; hence this package): healthy, and content lands in the bucket, not in the data directory.
 */
class S3StandaloneIT {

    private static final String BUCKET = "recordings";

    @TempDir
    Path workDirectory;

    @Test
    void keepsContentInTheConfiguredBucket() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start(workDirectory);
                S3Client client = s3.settings().newClient()) {
            client.createBucket(request -> request.bucket(BUCKET));
            S3Settings settings = s3.settings();
            Path dataDir = workDirectory.resolve("data");
            StandaloneConfig config = StandaloneConfig.parse(
                    List.of(
                            "--port=0",
                            "--bind-address=127.0.0.1",
                            "--data-dir=" + dataDir,
                            "--demo-data=false",
                            "--s3-endpoint=" + settings.endpoint(),
                            "--s3-bucket=" + BUCKET,
                            "--s3-access-key=" + settings.accessKeyId()),
                    Map.of("PATIENTRECORDINGS_S3_SECRET_KEY", settings.secretAccessKey()),
                    workDirectory);

            try (StandaloneApplication server = StandaloneApplication.start(config)) {
                HttpResponse<String> health = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                server.services()
                        .content()
                        .write(
                                "recordings/probe",
                                new ByteArrayInputStream("ciphertext".getBytes(StandardCharsets.UTF_8)));

                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"store\":{\"ok\":true}");
                assertThat(client.getObjectAsBytes(
                                        request -> request.bucket(BUCKET).key("recordings/probe"))
                                .asUtf8String())
                        .isEqualTo("ciphertext");
                assertThat(dataDir.resolve("content")).doesNotExist();
            }
        }
    }

    /**
     * An S3 store that does not answer: the server starts and says so, {@code /health} reports the store down, and a
     * request that needs the store gets 503 with an OperationOutcome naming it, while the rest of the API works.
     */
    @Test
    void anUnreachableStoreIsReportedAndItsRequestsAnswer503() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        StandaloneConfig config = StandaloneConfig.parse(
                List.of(
                        "--port=0",
                        "--bind-address=127.0.0.1",
                        "--data-dir=" + workDirectory.resolve("data"),
                        "--s3-endpoint=http://127.0.0.1:" + closedPort,
                        "--s3-bucket=" + BUCKET,
                        "--s3-access-key=unused"),
                Map.of("PATIENTRECORDINGS_S3_SECRET_KEY", "unused-secret"),
                workDirectory);

        try (StandaloneApplication server = StandaloneApplication.start(config)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> consent = http.send(
                    clinician(base + "/fhir/Consent")
                            .header("Content-Type", "application/fhir+json")
                            .POST(HttpRequest.BodyPublishers.ofFile(TestFiles.example("consent-given.json")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> started = http.send(
                    clinician(base + "/fhir/Media")
                            .header("Content-Type", "application/fhir+json")
                            .POST(HttpRequest.BodyPublishers.ofFile(TestFiles.example("recording-start.json")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String id = FhirContext.forR4Cached()
                    .newJsonParser()
                    .parseResource(started.body())
                    .getIdElement()
                    .getIdPart();
            HttpResponse<String> upload = http.send(
                    clinician(base + "/fhir/Media/" + id + "/$binary-access-write")
                            .header("Content-Type", "video/webm")
                            .POST(HttpRequest.BodyPublishers.ofString("a consultation"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"store\":{\"ok\":false}");
            assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(503);
            assertThat(upload.body())
                    .contains("\"resourceType\":\"OperationOutcome\"", "The content store is unavailable");
            assertThat(upload.headers().firstValue("Retry-After")).contains("30");
        }
    }

    private static HttpRequest.Builder clinician(String uri) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Accept", "application/fhir+json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("clinician:Clinician123".getBytes(StandardCharsets.UTF_8)));
    }
}
