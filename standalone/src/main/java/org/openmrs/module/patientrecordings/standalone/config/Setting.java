/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.config;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every setting of the standalone server, with its one name in all three sources: the flag {@code --name=value},
 * the environment variable {@code PATIENTRECORDINGS_NAME} (upper case, {@code -} as {@code _}) and the key
 * {@code name} of the configuration file. The README's settings table lists exactly these.
 */
public enum Setting {
    PORT("port", "8080", "HTTP port; 0 picks a free port"),
    BIND_ADDRESS("bind-address", "0.0.0.0", "address to listen on (127.0.0.1 for this machine only)"),
    DATA_DIR("data-dir", "./data", "directory of the H2 database, the local content store and the master key"),
    JDBC_URL("jdbc-url", "jdbc:h2:file:<data-dir>/database/patientrecordings", "database (H2, PostgreSQL, MariaDB)"),
    JDBC_USER("jdbc-user", "sa for H2, none otherwise", "database user"),
    JDBC_PASSWORD("jdbc-password", "(empty)", "database password"),
    S3_ENDPOINT("s3-endpoint", "(unset: content in <data-dir>/content)", "S3-compatible object store for content"),
    S3_BUCKET("s3-bucket", "(unset)", "bucket for content; required with s3-endpoint; must exist"),
    S3_REGION("s3-region", "us-east-1", "signing region of the object store"),
    S3_ACCESS_KEY("s3-access-key", "(unset)", "access key id; required with s3-endpoint"),
    S3_SECRET_KEY("s3-secret-key", "(unset)", "secret access key; required with s3-endpoint"),
    MASTER_KEY_FILE("master-key-file", "<data-dir>/master.key", "master key file, created owner-only on first start"),
    ADMIN_PASSWORD(
            "admin-password",
            StandaloneConfig.DEFAULT_ADMIN_PASSWORD,
            "password given to the admin user when it is created"),
    DEMO_DATA("demo-data", "true", "create the demo users, site, policy, patients, encounter and note"),
    SWEEP_INTERVAL("sweep-interval", "24h", "how often the retention and abandoned-upload sweeps run"),
    CONTENT_GRACE_PERIOD("content-grace-period", "24h", "age after which an unfinished upload is removed"),
    SHUTDOWN_TIMEOUT("shutdown-timeout", "30s", "how long requests in progress may finish on shutdown"),
    CONCURRENT_REQUESTS(
            "concurrent-requests",
            String.valueOf(StandaloneConfig.DEFAULT_CONCURRENT_REQUESTS),
            "FHIR and admin requests served at once (others wait their turn); sizes the database pool"),
    RESERVED_REQUESTS(
            "reserved-requests",
            "a quarter of concurrent-requests, rounded up (3 of 10)",
            "of the concurrent requests, how many are kept for requests other than content downloads and uploads:"
                    + " 1 to concurrent-requests - 1 (none when that is 1)"),
    SESSION_TIMEOUT(
            "session-timeout",
            "30m",
            "how long a browser sign-in lasts without a request (12 hours at most in any case)"),
    FORWARDED_HEADERS(
            "forwarded-headers",
            "false",
            "take the scheme, host, port and client address from a reverse proxy's Forwarded or X-Forwarded-*"
                    + " headers (links, Secure cookies); only behind a proxy that sets them");

    /** Prefix of every environment variable of a setting. */
    public static final String ENVIRONMENT_PREFIX = "PATIENTRECORDINGS_";

    private final String key;
    private final String defaultDescription;
    private final String description;

    Setting(String key, String defaultDescription, String description) {
        this.key = key;
        this.defaultDescription = defaultDescription;
        this.description = description;
    }

    /** The file key and flag name, e.g. {@code data-dir}. */
    public String key() {
        return key;
    }

    /** The flag, e.g. {@code --data-dir}. */
    public String flag() {
        return "--" + key;
    }

    /** The environment variable, e.g. {@code PATIENTRECORDINGS_DATA_DIR}. */
    public String environmentVariable() {
        return ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The default in words, for documentation. */
    public String defaultDescription() {
        return defaultDescription;
    }

    public String description() {
        return description;
    }

    /** Whether the value is a secret that is never logged or shown. */
    public boolean secret() {
        return this == JDBC_PASSWORD || this == S3_SECRET_KEY || this == ADMIN_PASSWORD;
    }

    /** The setting whose file key or flag name is {@code key}. */
    public static Optional<Setting> byKey(String key) {
        return Stream.of(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
