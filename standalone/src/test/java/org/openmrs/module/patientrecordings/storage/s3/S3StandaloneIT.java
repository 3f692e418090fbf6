/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.standalone.StandaloneApplication;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;
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
}
