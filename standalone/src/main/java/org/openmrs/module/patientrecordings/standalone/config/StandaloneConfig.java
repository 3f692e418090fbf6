/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.persistence.ConnectionBudget;
import org.openmrs.module.patientrecordings.persistence.DatabaseSettings;

/**
 * The settings of one standalone server, resolved: flag over environment over file over default (see
 * {@link ConfigParser}). Paths are absolute.
 *
 * @param port the HTTP port, 0 to 65535 (0: any free port)
 * @param bindAddress the address to listen on; never null
 * @param dataDir where the H2 database, local content and master key live by default; never null
 * @param database the database to use; never null
 * @param s3 the object store for content, or null for the local directory {@code <dataDir>/content}
 * @param masterKeyFile the master key file; never null
 * @param adminPassword the password the admin user is created with; never null or blank
 * @param demoData whether to create the demo users and clinic
 * @param sweepInterval time between two sweeps; positive
 * @param contentGracePeriod age after which an unfinished upload is abandoned; positive
 * @param shutdownTimeout how long requests may finish when the server stops; not negative
 * @param concurrentRequests how many FHIR and administration requests run at once, 1 to {@value
 *     ConnectionBudget#MAX_UNITS_OF_WORK}; the others wait their turn. The database pool is sized from the same
 *     number ({@link #connectionBudget()}), so that the admitted requests can always get every connection they need
 * @param reservedRequests how many of the concurrent requests' places content transfers may not take, kept for every
 *     other request: 1 to {@code concurrentRequests - 1}, and 0 when only one request runs at once ({@code
 *     UnitOfWorkGate})
 * @param sessionTimeout how long a browser sign-in lasts without a request; positive. A sign-in ends
 *     {@link #SESSION_MAX_AGE} after it began in any case
 * @param forwardedHeaders whether requests come through a reverse proxy whose {@code Forwarded} or {@code
 *     X-Forwarded-*} headers say the scheme, host, port and client address the client used: the server's links and
 *     the Secure attribute of its cookies then follow them. Off, those headers are ignored (a client could set them)
 */
public record StandaloneConfig(
        int port,
        String bindAddress,
        Path dataDir,
        DatabaseSettings database,
        S3Store s3,
        Path masterKeyFile,
        String adminPassword,
        boolean demoData,
        Duration sweepInterval,
        Duration contentGracePeriod,
        Duration shutdownTimeout,
        int concurrentRequests,
        int reservedRequests,
        Duration sessionTimeout,
        boolean forwardedHeaders) {

    /** How long a browser sign-in lasts at most, however busy. */
    public static final Duration SESSION_MAX_AGE = Duration.ofHours(12);

    /** Requests run at once unless configured otherwise. */
    public static final int DEFAULT_CONCURRENT_REQUESTS = 10;

    /** Threads besides the requests' that may nest transactions: the sweeps' one thread. */
    public static final int BACKGROUND_DATABASE_THREADS = 1;

    /** The documented demo password of the admin user, used when none is configured. */
    public static final String DEFAULT_ADMIN_PASSWORD = "Admin123";

    public StandaloneConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(masterKeyFile, "masterKeyFile");
        if (adminPassword == null || adminPassword.isBlank()) {
            throw new IllegalArgumentException("the admin password must not be blank");
        }
        requirePositive(sweepInterval, "sweepInterval");
        requirePositive(contentGracePeriod, "contentGracePeriod");
        if (Objects.requireNonNull(shutdownTimeout, "shutdownTimeout").isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must not be negative");
        }
        requirePositive(sessionTimeout, "sessionTimeout");
        ConnectionBudget budget = new ConnectionBudget(concurrentRequests, BACKGROUND_DATABASE_THREADS);
        if (database.maximumPoolSize() != budget.poolSize()) {
            throw new IllegalArgumentException("the database pool must have " + budget.poolSize() + " connections for "
                    + concurrentRequests + " concurrent requests, not " + database.maximumPoolSize());
        }
        if (reservedRequests < Math.min(1, concurrentRequests - 1) || reservedRequests > concurrentRequests - 1) {
            throw new IllegalArgumentException("the requests reserved for others than transfers must be "
                    + Math.min(1, concurrentRequests - 1) + " to " + (concurrentRequests - 1) + " of "
                    + concurrentRequests + ", not " + reservedRequests);
        }
    }

    /**
     * The connections the server's threads may need: {@link #concurrentRequests()} units of work admitted at once and
     * the sweeps' thread. The database pool has exactly its {@link ConnectionBudget#poolSize()}.
     */
    public ConnectionBudget connectionBudget() {
        return new ConnectionBudget(concurrentRequests, BACKGROUND_DATABASE_THREADS);
    }

    /**
     * Resolves the configuration of a start.
     *
     * @param args the command line: {@code --name=value} flags and {@code --config=path}
     * @param environment the process environment
     * @param workingDirectory where relative paths and {@code patient-recordings.properties} are looked up
     * @throws ConfigException naming the setting and source of the first unusable value
     */
    public static StandaloneConfig parse(List<String> args, Map<String, String> environment, Path workingDirectory) {
        return new ConfigParser(args, environment, workingDirectory).parse();
    }

    /** The object store for content, when one is configured. */
    public Optional<S3Store> objectStore() {
        return Optional.ofNullable(s3);
    }

    /** The content keyset, encrypted under the master key: in the data directory whichever store holds content. */
    public Path contentKeysetFile() {
        return dataDir.resolve("content-keyset.json");
    }

    /** The local content directory, used when no object store is configured. */
    public Path contentDir() {
        return dataDir.resolve("content");
    }

    /** This configuration listening on another port (tests use 0). */
    public StandaloneConfig withPort(int newPort) {
        return new StandaloneConfig(
                newPort,
                bindAddress,
                dataDir,
                database,
                s3,
                masterKeyFile,
                adminPassword,
                demoData,
                sweepInterval,
                contentGracePeriod,
                shutdownTimeout,
                concurrentRequests,
                reservedRequests,
                sessionTimeout,
                forwardedHeaders);
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    /** A JDBC URL up to its parameters, which may carry credentials. */
    private static String withoutParameters(String jdbcUrl) {
        int end = jdbcUrl.length();
        for (char separator : new char[] {'?', ';'}) {
            int at = jdbcUrl.indexOf(separator);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return jdbcUrl.substring(0, end);
    }

    @Override
    public String toString() {
        // Never the passwords.
        return "StandaloneConfig[port=" + port + ", bindAddress=" + bindAddress + ", dataDir=" + dataDir
                + ", database=" + withoutParameters(database.jdbcUrl()) + ", s3=" + s3 + ", masterKeyFile="
                + masterKeyFile + ", demoData="
                + demoData + ", sweepInterval=" + sweepInterval + ", contentGracePeriod=" + contentGracePeriod
                + ", shutdownTimeout=" + shutdownTimeout + ", concurrentRequests=" + concurrentRequests
                + ", reservedRequests=" + reservedRequests
                + ", sessionTimeout=" + sessionTimeout + "]";
    }
}
