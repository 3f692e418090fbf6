/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneConfigTest {

    @TempDir
    Path workingDir;

    @Test
    void startsWithTheDocumentedDefaultsUnderDataInTheWorkingDirectory() {
        StandaloneConfig config = parse(List.of(), Map.of());

        Path data = workingDir.resolve("data").toAbsolutePath();
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.dataDir()).isEqualTo(data);
        assertThat(config.database().jdbcUrl()).startsWith("jdbc:h2:file:" + data.resolve("database"));
        assertThat(config.database().user()).isEqualTo("sa");
        assertThat(config.objectStore()).isEmpty();
        assertThat(config.contentDir()).isEqualTo(data.resolve("content"));
        assertThat(config.masterKeyFile()).isEqualTo(data.resolve("master.key"));
        assertThat(config.adminPassword()).isEqualTo(StandaloneConfig.DEFAULT_ADMIN_PASSWORD);
        assertThat(config.demoData()).isTrue();
        assertThat(config.sweepInterval()).isEqualTo(Duration.ofHours(24));
        assertThat(config.contentGracePeriod()).isEqualTo(Duration.ofHours(24));
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.forwardedHeaders()).isFalse();
    }

    @Test
    void forwardedHeadersAreTrustedOnlyWhenSaidSo() {
        assertThat(parse(List.of("--forwarded-headers=true"), Map.of()).forwardedHeaders())
                .isTrue();
        assertThat(parse(List.of(), Map.of("PATIENTRECORDINGS_FORWARDED_HEADERS", "yes"))
                        .forwardedHeaders())
                .isTrue();
        assertThat(parse(List.of("--forwarded-headers=false"), Map.of()).forwardedHeaders())
                .isFalse();
        assertThat(parse(List.of("--forwarded-headers=true"), Map.of())
                        .withPort(0)
                        .forwardedHeaders())
                .isTrue();
        assertThatThrownBy(() -> parse(List.of("--forwarded-headers=proxy"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("forwarded-headers")
                .hasMessageContaining("true or false");
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws IOException {
        write("patient-recordings.properties", "port=1111\nsweep-interval=2h\ndemo-data=false\n");
        Map<String, String> env = Map.of("PATIENTRECORDINGS_PORT", "2222", "PATIENTRECORDINGS_SWEEP_INTERVAL", "3h");

        StandaloneConfig config = parse(List.of("--port=3333"), env);

        assertThat(config.port()).isEqualTo(3333);
        assertThat(config.sweepInterval()).isEqualTo(Duration.ofHours(3));
        assertThat(config.demoData()).isFalse();
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readsTheFileNamedByTheConfigFlagInsteadOfTheDefaultFile() throws IOException {
        write("patient-recordings.properties", "port=1111\n");
        write("elsewhere.properties", "port=4444\ndata-dir=/srv/recordings\n");

        StandaloneConfig config = parse(List.of("--config=elsewhere.properties"), Map.of());

        assertThat(config.port()).isEqualTo(4444);
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/recordings"));
        assertThat(config.masterKeyFile()).isEqualTo(Path.of("/srv/recordings/master.key"));
    }

    @Test
    void aMissingConfigFileIsAnErrorNamingIt() {
        assertThatThrownBy(() -> parse(List.of("--config=absent.properties"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("absent.properties")
                .hasMessageContaining("does not exist");
    }

    @Test
    void aBadPortNamesTheSettingAndWhereTheValueCameFrom() {
        assertThatThrownBy(() -> parse(List.of(), Map.of("PATIENTRECORDINGS_PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("port")
                .hasMessageContaining("PATIENTRECORDINGS_PORT")
                .hasMessageContaining("'eighty'");
        assertThatThrownBy(() -> parse(List.of("--port=70000"), Map.of()))
                .hasMessageContaining("--port")
                .hasMessageContaining("0 to 65535");
    }

    @Test
    void aBadValueInTheFileNamesTheFile() throws IOException {
        write("patient-recordings.properties", "demo-data=perhaps\n");

        assertThatThrownBy(() -> parse(List.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("demo-data")
                .hasMessageContaining("patient-recordings.properties")
                .hasMessageContaining("true or false");
    }

    @Test
    void durationsTakeShortFormsAndIsoFormsButNotZeroForIntervals() {
        assertThat(parse(List.of("--sweep-interval=15m"), Map.of()).sweepInterval())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(parse(List.of("--sweep-interval=PT6H"), Map.of()).sweepInterval())
                .isEqualTo(Duration.ofHours(6));
        assertThat(parse(List.of("--shutdown-timeout=0s"), Map.of()).shutdownTimeout())
                .isZero();
        assertThatThrownBy(() -> parse(List.of("--sweep-interval=0s"), Map.of()))
                .hasMessageContaining("sweep-interval")
                .hasMessageContaining("above zero");
        assertThatThrownBy(() -> parse(List.of("--content-grace-period=soon"), Map.of()))
                .hasMessageContaining("content-grace-period");
    }

    @Test
    void theConcurrentRequestsSizeTheDatabasePoolSoThatTheyCannotDisagree() {
        StandaloneConfig defaults = parse(List.of(), Map.of());
        assertThat(defaults.concurrentRequests()).isEqualTo(10);
        assertThat(defaults.database().maximumPoolSize()).isEqualTo(23);
        assertThat(defaults.connectionBudget().poolSize()).isEqualTo(23);

        StandaloneConfig four = parse(List.of(), Map.of("PATIENTRECORDINGS_CONCURRENT_REQUESTS", "4"));
        assertThat(four.concurrentRequests()).isEqualTo(4);
        assertThat(four.database().maximumPoolSize()).isEqualTo(11);
        assertThat(four.withPort(0).database().maximumPoolSize()).isEqualTo(11);

        for (String wrong : List.of("0", "-3", "1001", "many")) {
            assertThatThrownBy(() -> parse(List.of("--concurrent-requests=" + wrong), Map.of()))
                    .as(wrong)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("concurrent-requests")
                    .hasMessageContaining("a whole number from 1 to 1000");
        }
        assertThatThrownBy(() -> new StandaloneConfig(
                        0,
                        defaults.bindAddress(),
                        defaults.dataDir(),
                        defaults.database().withMaximumPoolSize(10),
                        null,
                        defaults.masterKeyFile(),
                        defaults.adminPassword(),
                        true,
                        defaults.sweepInterval(),
                        defaults.contentGracePeriod(),
                        defaults.shutdownTimeout(),
                        10,
                        3,
                        defaults.sessionTimeout(),
                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must have 23 connections for 10 concurrent requests, not 10");
    }

    @Test
    void aQuarterOfTheConcurrentRequestsIsReservedForOthersThanTransfersUnlessConfiguredOtherwise() {
        assertThat(parse(List.of(), Map.of()).reservedRequests()).isEqualTo(3);
        assertThat(parse(List.of("--concurrent-requests=4"), Map.of()).reservedRequests())
                .isEqualTo(1);
        assertThat(parse(List.of("--concurrent-requests=2"), Map.of()).reservedRequests())
                .isEqualTo(1);
        assertThat(parse(List.of("--concurrent-requests=1"), Map.of()).reservedRequests())
                .as("with one place, a transfer must still be able to run")
                .isZero();
        assertThat(parse(List.of("--concurrent-requests=4"), Map.of("PATIENTRECORDINGS_RESERVED_REQUESTS", "3"))
                        .reservedRequests())
                .isEqualTo(3);

        for (String wrong : List.of("0", "4", "-1", "some")) {
            assertThatThrownBy(
                            () -> parse(List.of("--concurrent-requests=4", "--reserved-requests=" + wrong), Map.of()))
                    .as(wrong)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("reserved-requests")
                    .hasMessageContaining("a whole number from 1 to 3");
        }
        assertThatThrownBy(() -> parse(List.of("--concurrent-requests=1", "--reserved-requests=1"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nothing can be reserved");
    }

    @Test
    void aSettingIsAcceptedAsOneArgumentOrAsTwo() {
        assertThat(parse(List.of("--port", "8090"), Map.of()).port()).isEqualTo(8090);
        assertThat(parse(List.of("--port=8091"), Map.of()).port()).isEqualTo(8091);
        assertThat(parse(List.of("--port", "8092", "--demo-data=false"), Map.of())
                        .port())
                .isEqualTo(8092);
        assertThatThrownBy(() -> parse(List.of("--port"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--name=value");
    }

    @Test
    void unknownFlagsAndFileKeysAreErrorsButUnknownEnvironmentVariablesAreNot() throws IOException {
        assertThatThrownBy(() -> parse(List.of("--prot=8080"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--prot");
        assertThatThrownBy(() -> parse(List.of("8080"), Map.of())).hasMessageContaining("--name=value");

        assertThat(parse(List.of(), Map.of("PATIENTRECORDINGS_REQUIRE_DATABASES", "true"))
                        .port())
                .isEqualTo(8080);

        write("patient-recordings.properties", "datadir=/tmp\n");
        assertThatThrownBy(() -> parse(List.of(), Map.of())).hasMessageContaining("'datadir'");
    }

    @Test
    void anObjectStoreNeedsItsBucketAndCredentials() {
        assertThatThrownBy(() -> parse(List.of("--s3-endpoint=http://127.0.0.1:9000"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("s3-bucket");

        StandaloneConfig config = parse(
                List.of(
                        "--s3-endpoint=http://127.0.0.1:9000",
                        "--s3-bucket=recordings",
                        "--s3-access-key=access",
                        "--s3-secret-key=secret"),
                Map.of());

        S3Store s3 = config.objectStore().orElseThrow();
        assertThat(s3.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(s3.bucket()).isEqualTo("recordings");
        assertThat(s3.region()).isEqualTo("us-east-1");
        assertThat(s3.toString()).doesNotContain("secret");

        assertThatThrownBy(() -> parse(List.of("--s3-endpoint=ftp://store"), Map.of()))
                .hasMessageContaining("s3-endpoint");
    }

    @Test
    void aServerDatabaseHasNoH2UserByDefault() {
        StandaloneConfig config =
                parse(List.of("--jdbc-url=jdbc:postgresql://db:5432/recordings", "--jdbc-user=recordings"), Map.of());

        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/recordings");
        assertThat(config.database().user()).isEqualTo("recordings");
        assertThat(parse(List.of("--jdbc-url=jdbc:mariadb://db/recordings"), Map.of())
                        .database()
                        .user())
                .isNull();
        assertThatThrownBy(() -> parse(List.of("--jdbc-url=postgresql://db"), Map.of()))
                .hasMessageContaining("jdbc-url");
    }

    @Test
    void secretsAreNeitherEchoedInErrorsNorShownByToString() {
        assertThatThrownBy(() -> parse(List.of("--admin-password=short"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin-password")
                .hasMessageContaining("at least 8 characters")
                .message()
                .doesNotContain("short'");

        StandaloneConfig config = parse(
                List.of(
                        "--admin-password=VerySecret1",
                        "--jdbc-url=jdbc:postgresql://db/recordings?password=UrlSecret",
                        "--jdbc-password=DbSecret"),
                Map.of());
        assertThat(config.toString()).doesNotContain("VerySecret1", "UrlSecret", "DbSecret");
    }

    @Test
    void everySettingHasAFlagAnEnvironmentVariableAndAFileKeyOfTheSameName() {
        assertThat(Setting.DATA_DIR.flag()).isEqualTo("--data-dir");
        assertThat(Setting.DATA_DIR.environmentVariable()).isEqualTo("PATIENTRECORDINGS_DATA_DIR");
        assertThat(Setting.S3_SECRET_KEY.environmentVariable()).isEqualTo("PATIENTRECORDINGS_S3_SECRET_KEY");
        for (Setting setting : Setting.values()) {
            assertThat(Setting.byKey(setting.key())).contains(setting);
        }
    }

    private StandaloneConfig parse(List<String> args, Map<String, String> env) {
        return StandaloneConfig.parse(args, env, workingDir);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(workingDir.resolve(name), content);
    }
}
