/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;

class H2JpaUploadProgressIT extends JpaUploadProgressContract {

    private static final long LAST_START = 14_990;

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: ([0-9]+)");

    @Override
    DatabaseEngine engine() {
        return DatabaseEngine.H2;
    }

    /**
     * SAF-4: a chunk's look-ups of the last part read that part from the index's end, however many parts the upload
     * has. Every query of the parts that one chunk makes (the offset check and the append) is run again under H2's
     * {@code EXPLAIN ANALYZE}, which counts the rows the engine reads: at most 3 of the 1,501 parts (the last
     * two and the end of the range), where every part of the recording was read before.
     */
    @Test
    void aChunkReadsTheLastPartFromTheIndexNotEveryPart() throws Exception {
        Database database = database();
        RecordingId id = newRecording();
        JpaUploadProgress progress = new JpaUploadProgress(database);
        for (int i = 0; i < 1_500; i++) {
            progress.append(part(id, i * 10L, 10, "audio/ogg"));
        }

        List<String> queries = queriesOfTheParts(
                database.dataSource(),
                () -> database.inUnitOfWork(() -> {
                    assertThat(progress.offset(id)).isEqualTo(15_000);
                    return progress.append(part(id, 15_000, 10, "audio/ogg"));
                }));

        assertThat(queries).hasSizeGreaterThanOrEqualTo(2);
        for (String query : queries) {
            assertThat(rowsRead(database.dataSource(), query, id)).as(query).isBetween(1L, 3L);
        }
    }

    /** @return the SELECTs of the upload's parts that {@code work} ran, as H2 recorded them */
    private static List<String> queriesOfTheParts(DataSource dataSource, Runnable work) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET QUERY_STATISTICS TRUE");
            try {
                work.run();
                List<String> queries = new ArrayList<>();
                try (ResultSet rows =
                        statement.executeQuery("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                    while (rows.next()) {
                        String sql = rows.getString(1);
                        String lower = sql.toLowerCase(Locale.ROOT);
                        if (lower.startsWith("select") && lower.contains("patientrecordings_upload_part")) {
                            queries.add(sql);
                        }
                    }
                }
                return queries;
            } finally {
                statement.execute("SET QUERY_STATISTICS FALSE");
            }
        }
    }

    /** The rows of the parts' table that H2 reads for {@code query}, its first parameter the recording. */
    private static long rowsRead(DataSource dataSource, String query, RecordingId id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + query)) {
            int parameters = explain.getParameterMetaData().getParameterCount();
            explain.setString(1, id.value());
            for (int i = 2; i <= parameters; i++) {
                // A lower bound on the start (the last part seen), then the one row asked for.
                explain.setLong(i, i == 2 && parameters == 3 ? LAST_START : 1);
            }
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                Matcher count = SCAN_COUNT.matcher(plan.getString(1));
                assertThat(count.find()).as(plan.getString(1)).isTrue();
                return Long.parseLong(count.group(1));
            }
        }
    }
}
