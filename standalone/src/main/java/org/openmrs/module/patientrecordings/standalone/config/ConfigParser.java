/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openmrs.module.patientrecordings.persistence.ConnectionBudget;
import org.openmrs.module.patientrecordings.persistence.DatabaseSettings;
import org.openmrs.module.patientrecordings.web.UnitOfWorkGate;

/**
 * Resolves a {@link StandaloneConfig} from flags, environment, file and defaults, in that order of precedence.
 *
 * <p>The file is {@code --config=path} (or {@code PATIENTRECORDINGS_CONFIG}), else {@value #DEFAULT_FILE} in the
 * working directory when it exists. Unknown flags and unknown file keys are errors (a typo must not silently fall
 * back to a default); unknown environment variables are ignored, because the environment is shared with other
 * programs.
 */
final class ConfigParser {

    /** The configuration file looked for in the working directory. */
    static final String DEFAULT_FILE = "patient-recordings.properties";

    static final String CONFIG_FLAG = "--config";
    static final String CONFIG_VARIABLE = Setting.ENVIRONMENT_PREFIX + "CONFIG";

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private final List<String> args;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Map<Setting, Value> values = new EnumMap<>(Setting.class);

    ConfigParser(List<String> args, Map<String, String> environment, Path workingDirectory) {
        this.args = joined(args);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    StandaloneConfig parse() {
        Map<Setting, Value> flags = readFlags();
        readFile(flags).forEach(values::put);
        for (Setting setting : Setting.values()) {
            String fromEnvironment = environment.get(setting.environmentVariable());
            if (fromEnvironment != null) {
                values.put(
                        setting, new Value(fromEnvironment, "environment variable " + setting.environmentVariable()));
            }
        }
        values.putAll(flags);
        return build();
    }

    private StandaloneConfig build() {
        Path dataDir = path(Setting.DATA_DIR, "./data");
        int concurrentRequests = concurrentRequests();
        return new StandaloneConfig(
                port(),
                text(Setting.BIND_ADDRESS, "0.0.0.0"),
                dataDir,
                database(dataDir, concurrentRequests),
                s3(),
                values.containsKey(Setting.MASTER_KEY_FILE)
                        ? path(Setting.MASTER_KEY_FILE, null)
                        : dataDir.resolve("master.key"),
                adminPassword(),
                bool(Setting.DEMO_DATA, true),
                duration(Setting.SWEEP_INTERVAL, Duration.ofHours(24), false),
                duration(Setting.CONTENT_GRACE_PERIOD, Duration.ofHours(24), false),
                duration(Setting.SHUTDOWN_TIMEOUT, Duration.ofSeconds(30), true),
                concurrentRequests,
                reservedRequests(concurrentRequests),
                duration(Setting.SESSION_TIMEOUT, Duration.ofMinutes(30), false),
                bool(Setting.FORWARDED_HEADERS, false));
    }

    /**
     * The flags as {@code --name=value}: a flag given as {@code --name value} (two arguments, as command-line users
     * expect) is joined with the value that follows it.
     */
    static List<String> joined(List<String> args) {
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean valueFollows = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
            if (arg.startsWith("--") && arg.indexOf('=') < 0 && valueFollows) {
                joined.add(arg + "=" + args.get(++i));
            } else {
                joined.add(arg);
            }
        }
        return List.copyOf(joined);
    }

    private Map<Setting, Value> readFlags() {
        Map<Setting, Value> flags = new EnumMap<>(Setting.class);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new ConfigException(
                        "Unknown argument '" + arg + "': settings are given as --name=value or --name value");
            }
            String name = arg.substring(2, equals);
            if (("--" + name).equals(CONFIG_FLAG)) {
                continue;
            }
            Setting setting = Setting.byKey(name)
                    .orElseThrow(() -> new ConfigException("Unknown setting --" + name + " (flag '" + arg + "')"));
            flags.put(setting, new Value(arg.substring(equals + 1), "flag " + setting.flag()));
        }
        return flags;
    }

    private Map<Setting, Value> readFile(Map<Setting, Value> flags) {
        Path file = configFile();
        Map<Setting, Value> fromFile = new EnumMap<>(Setting.class);
        if (file == null) {
            return fromFile;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Cannot read the configuration file " + file + ": " + e.getMessage(), e);
        }
        for (String key : properties.stringPropertyNames()) {
            Setting setting = Setting.byKey(key)
                    .orElseThrow(
                            () -> new ConfigException("Unknown setting '" + key + "' in configuration file " + file));
            fromFile.put(setting, new Value(properties.getProperty(key).trim(), "configuration file " + file));
        }
        return fromFile;
    }

    private Path configFile() {
        String explicit = args.stream()
                .filter(arg -> arg.startsWith(CONFIG_FLAG + "="))
                .reduce((first, last) -> last)
                .map(arg -> arg.substring(CONFIG_FLAG.length() + 1))
                .orElse(environment.get(CONFIG_VARIABLE));
        if (explicit != null) {
            Path file = workingDirectory.resolve(explicit).normalize();
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("The configuration file " + file + " (from " + CONFIG_FLAG + " or "
                        + CONFIG_VARIABLE + ") does not exist");
            }
            return file;
        }
        Path standard = workingDirectory.resolve(DEFAULT_FILE);
        return Files.isRegularFile(standard) ? standard : null;
    }

    private int port() {
        Value value = values.get(Setting.PORT);
        if (value == null) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value.text().trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the setting's name
        }
        throw invalid(Setting.PORT, value, "a port number from 0 to 65535");
    }

    private int concurrentRequests() {
        Value value = values.get(Setting.CONCURRENT_REQUESTS);
        if (value == null || value.text().isBlank()) {
            return StandaloneConfig.DEFAULT_CONCURRENT_REQUESTS;
        }
        try {
            int requests = Integer.parseInt(value.text().trim());
            if (requests >= 1 && requests <= ConnectionBudget.MAX_UNITS_OF_WORK) {
                return requests;
            }
        } catch (NumberFormatException e) {
            // reported below, with the setting's name
        }
        throw invalid(
                Setting.CONCURRENT_REQUESTS, value, "a whole number from 1 to " + ConnectionBudget.MAX_UNITS_OF_WORK);
    }

    /** The places content transfers may not take: a quarter by default ({@link UnitOfWorkGate#reservedByDefault}). */
    private int reservedRequests(int concurrentRequests) {
        Value value = values.get(Setting.RESERVED_REQUESTS);
        if (value == null || value.text().isBlank()) {
            return UnitOfWorkGate.reservedByDefault(concurrentRequests);
        }
        int least = Math.min(1, concurrentRequests - 1);
        int most = concurrentRequests - 1;
        try {
            int reserved = Integer.parseInt(value.text().trim());
            if (reserved >= least && reserved <= most) {
                return reserved;
            }
        } catch (NumberFormatException e) {
            // reported below, with the setting's name
        }
        throw invalid(
                Setting.RESERVED_REQUESTS,
                value,
                most == 0
                        ? "0: with one concurrent request nothing can be reserved"
                        : "a whole number from 1 to " + most + " (fewer than the " + concurrentRequests
                                + " concurrent requests)");
    }

    /** The database, its pool sized for the concurrent requests (see {@link StandaloneConfig#connectionBudget()}). */
    private DatabaseSettings database(Path dataDir, int concurrentRequests) {
        String url = text(
                Setting.JDBC_URL,
                "jdbc:h2:file:" + dataDir.resolve("database").resolve("patientrecordings")
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64");
        if (!url.startsWith("jdbc:")) {
            throw invalid(Setting.JDBC_URL, values.get(Setting.JDBC_URL), "a JDBC URL starting with jdbc:");
        }
        String user = text(Setting.JDBC_USER, url.startsWith("jdbc:h2:") ? "sa" : null);
        String password = text(Setting.JDBC_PASSWORD, url.startsWith("jdbc:h2:") ? "" : null);
        ConnectionBudget budget =
                new ConnectionBudget(concurrentRequests, StandaloneConfig.BACKGROUND_DATABASE_THREADS);
        return DatabaseSettings.of(url, user, password).withMaximumPoolSize(budget.poolSize());
    }

    private S3Store s3() {
        String endpoint = text(Setting.S3_ENDPOINT, null);
        if (endpoint == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw invalid(Setting.S3_ENDPOINT, values.get(Setting.S3_ENDPOINT), "a URL such as http://127.0.0.1:9000");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw invalid(Setting.S3_ENDPOINT, values.get(Setting.S3_ENDPOINT), "an http or https URL with a host");
        }
        return new S3Store(
                uri,
                required(Setting.S3_BUCKET),
                text(Setting.S3_REGION, "us-east-1"),
                required(Setting.S3_ACCESS_KEY),
                required(Setting.S3_SECRET_KEY));
    }

    private String adminPassword() {
        String password = text(Setting.ADMIN_PASSWORD, StandaloneConfig.DEFAULT_ADMIN_PASSWORD);
        if (password == null || password.length() < 8) {
            throw invalid(Setting.ADMIN_PASSWORD, values.get(Setting.ADMIN_PASSWORD), "at least 8 characters");
        }
        return password;
    }

    private String required(Setting setting) {
        String value = text(setting, null);
        if (value == null) {
            throw new ConfigException("Setting " + setting.key() + " (" + setting.flag() + " or "
                    + setting.environmentVariable() + ") is required when s3-endpoint is set");
        }
        return value;
    }

    private String text(Setting setting, String fallback) {
        Value value = values.get(setting);
        if (value == null || value.text().isBlank()) {
            return fallback;
        }
        return value.text().trim();
    }

    private Path path(Setting setting, String fallback) {
        String text = text(setting, fallback);
        try {
            return workingDirectory.resolve(text).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw invalid(setting, values.get(setting), "a file system path");
        }
    }

    private boolean bool(Setting setting, boolean fallback) {
        Value value = values.get(setting);
        if (value == null || value.text().isBlank()) {
            return fallback;
        }
        return switch (value.text().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(setting, value, "true or false");
        };
    }

    private Duration duration(Setting setting, Duration fallback, boolean zeroAllowed) {
        Value value = values.get(setting);
        if (value == null || value.text().isBlank()) {
            return fallback;
        }
        String expected = "a duration such as 30s, 15m, 24h, 7d or PT24H" + (zeroAllowed ? "" : ", above zero");
        Duration parsed = parseDuration(value.text().trim().toLowerCase(Locale.ROOT));
        if (parsed == null || parsed.isNegative() || (!zeroAllowed && parsed.isZero())) {
            throw invalid(setting, value, expected);
        }
        return parsed;
    }

    private static Duration parseDuration(String text) {
        Matcher matcher = SHORT_DURATION.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ConfigException invalid(Setting setting, Value value, String expected) {
        Objects.requireNonNull(value, "value");
        String shown = setting.secret() ? "the value given" : "'" + value.text() + "'";
        return new ConfigException(
                "Invalid " + setting.key() + " from " + value.source() + ": " + shown + " is not " + expected);
    }

    /** A raw value and where it came from, for error messages. */
    private record Value(String text, String source) {}
}
