/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.storage.ContentBackendContract;
import org.openmrs.module.patientrecordings.storage.ContentIntegrityException;
import org.openmrs.module.patientrecordings.storage.ContentIntegrityListener;
import org.openmrs.module.patientrecordings.storage.ContentKeyring;
import org.openmrs.module.patientrecordings.storage.EncryptedContentStore;
import org.openmrs.module.patientrecordings.storage.MasterKeyFile;
import org.openmrs.module.patientrecordings.storage.StoredContent;
import org.openmrs.module.patientrecordings.storage.UploadLimits;
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

    @Test
    @DisplayName("SAF-1: encrypted content stored in parts reads back whole, and in ranges across its parts")
    void storesEncryptedContentInPartsAndServesRangesAcrossThem() throws IOException {
        EncryptedContentStore store = encryptedStore("ranges");
        byte[] plaintext = randomBytes(largeContentSize(), 21);

        StoredContent stored = store.write(new ByteArrayInputStream(plaintext), UploadLimits.none());

        try (InputStream in = store.openStream(stored.key(), stored.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(plaintext);
        }
        for (int offset : new int[] {0, S3ContentBackend.MIN_PART_SIZE - 3, plaintext.length - 100}) {
            try (InputStream in = store.openRange(stored.key(), offset, 100)) {
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(plaintext, offset, offset + 100));
            }
        }
    }

    @Test
    @DisplayName("SAF-1: encrypted content changed in the bucket is refused on read and the failure reported")
    void refusesEncryptedContentChangedInTheBucket() throws IOException {
        List<ContentIntegrityException> failures = new ArrayList<>();
        EncryptedContentStore store = encryptedStore("tamper", failures::add);
        StoredContent stored = store.write(new ByteArrayInputStream(randomBytes(5000, 22)), UploadLimits.none());
        byte[] ciphertext = client.getObjectAsBytes(
                        request -> request.bucket(BUCKET).key(stored.key()))
                .asByteArray();
        ciphertext[ciphertext.length - 20] ^= 1;
        client.putObject(request -> request.bucket(BUCKET).key(stored.key()), RequestBody.fromBytes(ciphertext));

        assertThatThrownBy(() -> store.openStream(stored.key(), stored.sha256()).readAllBytes())
                .isInstanceOf(ContentIntegrityException.class);
        assertThat(failures).hasSize(1);
    }

    private EncryptedContentStore encryptedStore(String name) throws IOException {
        return encryptedStore(name, ContentIntegrityListener.NONE);
    }

    private static EncryptedContentStore encryptedStore(String name, ContentIntegrityListener listener)
            throws IOException {
        MasterKeyFile masterKey = MasterKeyFile.initialise(workDirectory.resolve(name + ".master.key"));
        ContentKeyring keyring = ContentKeyring.open(workDirectory.resolve(name + ".keyset.json"), masterKey);
        return new EncryptedContentStore(backend, keyring, listener);
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
