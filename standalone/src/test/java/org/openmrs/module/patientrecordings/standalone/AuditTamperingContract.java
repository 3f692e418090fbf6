/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.standalone.testing.TestFiles;

/**
 * SAF-2 over HTTP: an audit entry edited, deleted, inserted or moved by SQL behind the server's back shows on
 * {@code /health} (DOWN, 503, with where and how the chain breaks and nothing of the entry itself) and in the
 * auditor's {@code AuditEvent/$verify-chain}. The server runs its full chain check every second here (the sweep
 * interval), so a change to an old entry is found within seconds; each test undoes its change and waits until the
 * server reports the chain intact again. Each database engine extends this with how to get a fresh database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditTamperingContract {

    private static final String AUDITOR = "auditor:Auditor123";
    private static final String ENTRIES = "patientrecordings_audit_entry";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();

    private Path dataDir;
    private StandaloneApplication server;

    /** Flags selecting a fresh, empty database of the engine under test; none for the default H2 file database. */
    protected abstract List<String> freshDatabase();

    @BeforeAll
    void startServer() throws IOException {
        dataDir = Files.createTempDirectory("audit-tampering-it");
        List<String> flags = new ArrayList<>(freshDatabase());
        flags.add("--sweep-interval=1s");
        server = StandaloneServerContract.start(dataDir, flags);
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        TestFiles.deleteTree(dataDir);
    }

    /** At least six entries, the chain intact and reported so. */
    @BeforeEach
    void auditSomeReadsAndSeeTheChainIntact() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(get("/fhir/AuditEvent?_count=1", AUDITOR).statusCode()).isEqualTo(200);
        }
        assertThat(healthUntil(h -> h.getAsJsonObject("auditChain").get("ok").getAsBoolean()))
                .isNotNull();
    }

    @AfterEach
    void seeTheChainIntactAgain() throws Exception {
        JsonObject health = healthUntil(h -> "UP".equals(h.get("status").getAsString()));
        assertThat(health.getAsJsonObject("auditChain").get("ok").getAsBoolean())
                .as(health.toString())
                .isTrue();
    }

    @Test
    void anEditedEntryShowsOnHealthAndToTheAuditor() throws Exception {
        String detail = column(3, "detail");

        update("UPDATE " + ENTRIES + " SET detail = ? WHERE seq_no = ?", "nothing to see here", 3L);
        try {
            assertBrokenOnHealth(3, "ENTRY_ALTERED");
            assertBrokenForTheAuditor(3, "ENTRY_ALTERED");
        } finally {
            update("UPDATE " + ENTRIES + " SET detail = ? WHERE seq_no = ?", detail, 3L);
        }
    }

    @Test
    void aDeletedEntryShowsOnHealthAndToTheAuditor() throws Exception {
        update("CREATE TABLE tamper_copy AS SELECT * FROM " + ENTRIES + " WHERE seq_no = 2");
        try {
            update("DELETE FROM " + ENTRIES + " WHERE seq_no = ?", 2L);
            assertBrokenOnHealth(2, "SEQUENCE_BROKEN");
            assertBrokenForTheAuditor(2, "SEQUENCE_BROKEN");
        } finally {
            update("INSERT INTO " + ENTRIES + " SELECT * FROM tamper_copy");
            update("DROP TABLE tamper_copy");
        }
    }

    @Test
    void anEntryInsertedPastTheHeadShowsOnHealthAtOnce() throws Exception {
        long head = headSequence();
        update("CREATE TABLE tamper_copy AS SELECT * FROM " + ENTRIES + " WHERE seq_no = " + head);
        try {
            update("UPDATE tamper_copy SET seq_no = ?, detail = ?", head + 1, "forged");
            update("INSERT INTO " + ENTRIES + " SELECT * FROM tamper_copy");
            // No full check is needed: the entries past the last check are read on every health request.
            JsonObject health = health();
            assertThat(health.get("status").getAsString()).isEqualTo("DOWN");
            assertThat(health.getAsJsonObject("auditChain").get("brokenAt").getAsLong())
                    .isEqualTo(head + 1);
            assertThat(health.getAsJsonObject("auditChain").get("kind").getAsString())
                    .isEqualTo("HEAD_MISMATCH");
        } finally {
            update("DELETE FROM " + ENTRIES + " WHERE seq_no = ?", head + 1);
            update("DROP TABLE tamper_copy");
        }
    }

    @Test
    void reorderedEntriesShowOnHealthAndToTheAuditor() throws Exception {
        swap(2, 4);
        try {
            JsonObject chain = assertBrokenOnHealth(2, null);
            assertThat(chain.get("kind").getAsString()).isIn("SEQUENCE_BROKEN", "ENTRY_ALTERED");
        } finally {
            swap(2, 4);
        }
    }

    @Test
    void theHealthReportOfABrokenChainNamesNoUserPatientOrContent() throws Exception {
        String user = column(3, "user_id");
        String detail = column(3, "detail");

        update("UPDATE " + ENTRIES + " SET detail = ? WHERE seq_no = ?", "nothing to see here", 3L);
        try {
            assertBrokenOnHealth(3, "ENTRY_ALTERED");
            String body = get("/health", null).body();
            assertThat(body).doesNotContain(user, "nothing to see here", "auditor");
            assertThat(JsonParser.parseString(body)
                            .getAsJsonObject()
                            .getAsJsonObject("auditChain")
                            .keySet())
                    .containsExactlyInAnyOrder("ok", "brokenAt", "kind");
        } finally {
            update("UPDATE " + ENTRIES + " SET detail = ? WHERE seq_no = ?", detail, 3L);
        }
    }

    private JsonObject assertBrokenOnHealth(long sequence, String kind) throws Exception {
        JsonObject health =
                healthUntil(h -> !h.getAsJsonObject("auditChain").get("ok").getAsBoolean());
        HttpResponse<String> raw = get("/health", null);
        JsonObject chain = health.getAsJsonObject("auditChain");
        assertThat(raw.statusCode()).isEqualTo(503);
        assertThat(raw.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(raw.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(health.get("status").getAsString()).isEqualTo("DOWN");
        assertThat(health.getAsJsonObject("database").get("ok").getAsBoolean()).isTrue();
        assertThat(chain.get("brokenAt").getAsLong()).isEqualTo(sequence);
        if (kind != null) {
            assertThat(chain.get("kind").getAsString()).isEqualTo(kind);
        }
        return chain;
    }

    private void assertBrokenForTheAuditor(long sequence, String kind) throws Exception {
        HttpResponse<String> answer = get("/fhir/AuditEvent/$verify-chain?_format=json", AUDITOR);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Parameters result = (Parameters)
                ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().parseResource(answer.body());
        assertThat(((BooleanType) result.getParameter("intact").getValue()).booleanValue())
                .isFalse();
        assertThat(result.getParameter("brokenAt").getValue().primitiveValue()).isEqualTo(Long.toString(sequence));
        assertThat(result.getParameter("kind").getValue().primitiveValue()).isEqualTo(kind);
        assertThat(result.getParameter("explanation").getValue().primitiveValue())
                .isNotBlank();
    }

    /** Polls {@code /health} until the condition holds; the full chain check runs every second. */
    private JsonObject healthUntil(Predicate<JsonObject> condition) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonObject health = health();
        while (!condition.test(health)) {
            assertThat(Instant.now()).as("waiting for " + health).isBefore(deadline);
            Thread.sleep(200);
            health = health();
        }
        return health;
    }

    private JsonObject health() throws Exception {
        return JsonParser.parseString(get("/health", null).body()).getAsJsonObject();
    }

    private void swap(long first, long second) throws SQLException {
        update("UPDATE " + ENTRIES + " SET seq_no = ? WHERE seq_no = ?", -1L, first);
        update("UPDATE " + ENTRIES + " SET seq_no = ? WHERE seq_no = ?", first, second);
        update("UPDATE " + ENTRIES + " SET seq_no = ? WHERE seq_no = ?", second, -1L);
    }

    private long headSequence() throws SQLException {
        try (Connection connection = connection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT last_seq_no FROM patientrecordings_audit_head");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String column(long sequence, String column) throws SQLException {
        try (Connection connection = connection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT " + column + " FROM " + ENTRIES + " WHERE seq_no = ?")) {
            statement.setLong(1, sequence);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("entry " + sequence).isTrue();
                return rows.getString(1);
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private Connection connection() throws SQLException {
        return server.services().database().dataSource().getConnection();
    }

    private HttpResponse<String> get(String path, String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
