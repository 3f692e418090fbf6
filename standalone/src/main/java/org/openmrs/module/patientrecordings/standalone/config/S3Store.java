/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.config;

import java.net.URI;
import java.util.Objects;
import org.openmrs.module.patientrecordings.storage.s3.S3Settings;

/**
 * The S3-compatible object store that holds content instead of the local directory.
 *
 * @param endpoint base URL of the store; never null
 * @param bucket an existing bucket; never null
 * @param region the signing region; never null
 * @param accessKeyId never null
 * @param secretAccessKey never null; never shown by {@link #toString()}
 */
public record S3Store(URI endpoint, String bucket, String region, String accessKeyId, String secretAccessKey) {

    public S3Store {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** The settings the storage package's S3 client is built from. */
    public S3Settings settings() {
        return new S3Settings(endpoint, region, accessKeyId, secretAccessKey);
    }

    @Override
    public String toString() {
        return "S3Store[" + endpoint + ", bucket " + bucket + ", region " + region + "]";
    }
}
