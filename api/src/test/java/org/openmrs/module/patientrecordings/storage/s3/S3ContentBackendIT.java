/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage.s3;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.storage.ContentBackendContract;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The backend contract against a real S3-compatible server (S3Proxy), with the smallest part size S3 allows. */
class S3ContentBackendIT extends ContentBackendContract {

    private static final String BUCKET = "recordings-it";

    @TempDir
    static Path workDirectory;

    private static S3ProxyServer server;
    private static S3Client client;
    private static S3ContentBackend backend;

    @BeforeAll
    static void startServer() throws IOException, InterruptedException {
        server = S3ProxyServer.start(workDirectory);
        client = server.settings().newClient();
        client.createBucket(request -> request.bucket(BUCKET));
        backend = new S3ContentBackend(client, BUCKET, S3ContentBackend.MIN_PART_SIZE);
    }

    @AfterAll
    static void stopServer() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    protected ContentBackend backend() {
        return backend;
    }

    @Override
    protected int largeContentSize() {
        // Three parts: two full ones and a short last one.
        return 2 * S3ContentBackend.MIN_PART_SIZE + 4099;
    }

    @Override
    protected void abandonWriteTo(String key) {
        String uploadId = client.createMultipartUpload(
                        request -> request.bucket(BUCKET).key(key))
                .uploadId();
        client.uploadPart(
                request -> request.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(new byte[10]));
    }
}
