/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.PersistentRepositories;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.standalone.LoadDriver.Load;

/**
 * B3 search scaling (figures, never assertions on time): the latency of {@code GET /fhir/Media?patient=…&_count=20}
 * for one patient with {@code -Dbench.b3.patientRecordings} (default 30) recordings among N recordings of many
 * patients, at each N of {@code -Dbench.b3.sizes} (default 10000,100000,1000000), on each database of {@code
 * -Dbench.b3.databases} (default h2,postgresql; PostgreSQL at 127.0.0.1:5432 in a fresh database dropped at the end).
 * The recordings are seeded through the recording repository ({@link RecordingRepository#save}), a batch per
 * transaction, never through HTTP. p50 and p99 come from {@code -Dbench.b3.requests} (default 200) requests one after
 * another after {@code -Dbench.b3.warmUp} (default 100) uncounted; the baseline is the same search at the smallest N
 * in the same run. Writes the report part and {@code target/bench/b3-search-scaling.png}.
 */
class SearchScalingBench {

    private static final List<Long> SIZES = Arrays.stream(
                    System.getProperty("bench.b3.sizes", "10000,100000,1000000").split(","))
            .map(String::trim)
            .map(Long::parseLong)
            .sorted()
            .toList();
    private static final List<String> DATABASES = Arrays.stream(
                    System.getProperty("bench.b3.databases", "h2,postgresql").split(","))
            .map(String::trim)
            .toList();
    private static final int PATIENT_RECORDINGS = Integer.getInteger("bench.b3.patientRecordings", 30);
    private static final int REQUESTS = Integer.getInteger("bench.b3.requests", 200);
    /** Uncounted requests before each size's: enough for the first size not to measure the JIT compiler. */
    private static final int WARM_UP = Integer.getInteger("bench.b3.warmUp", 100);
    /**
     * The longest a database's seeding for one size may be expected to take, at the rate of the size before it;
     * larger sizes are then left out and the report says so.
     */
    private static final int SEED_BUDGET_SECONDS = Integer.getInteger("bench.b3.seedBudgetSeconds", 900);
    /** Recordings per other patient: many patients, each with a plausible number of recordings. */
    private static final int PER_OTHER_PATIENT = 25;

    private static final int BATCH = 1000;

    private final BenchReport report = new BenchReport("b3-search-scaling");
    private final HttpClient http = LoadDriver.newClient();
    private final List<String> ratios = new ArrayList<>();

    @Test
    void measuresSearchByPatientAgainstTheNumberOfRecordings(@TempDir Path scratch) throws Exception {
        report.line("## B3 search by patient against the number of recordings (SearchScalingBench)");
        report.line("");
        report.line("Machine at the start: " + BenchReport.machine() + ". `GET /fhir/Media?patient=…&_count=20` for"
                + " one patient with " + PATIENT_RECORDINGS + " recordings among N (the others " + PER_OTHER_PATIENT
                + " per patient), " + REQUESTS + " requests one after another after " + WARM_UP
                + " uncounted; seeded through the"
                + " recording repository, " + BATCH + " per transaction.");
        report.line("");
        report.line("| database | N | seeding, recordings/s | p50 ms | p99 ms | p50 / p50 at N=" + SIZES.get(0)
                + " | p99 / p99 at N=" + SIZES.get(0) + " | load average |");
        report.line("|---|---|---|---|---|---|---|---|");
        LatencyPlot plot = new LatencyPlot("GET Media?patient=…&_count=20, p50 against N");
        for (String database : DATABASES) {
            Path data = Files.createDirectories(scratch.resolve(database));
            try (ServerDatabases databases = new ServerDatabases(DatabaseEngine.POSTGRESQL)) {
                List<String> flags = switch (database) {
                    case "h2" -> List.of();
                    case "postgresql" -> databases.fresh();
                    default -> throw new IllegalArgumentException("bench.b3.databases: h2 or postgresql");
                };
                try (StandaloneApplication server = StandaloneServerContract.start(data, flags)) {
                    plot.series(database + " p50", measure(database, server));
                }
            }
        }
        Path png = BenchReport.OUT.resolve("b3-search-scaling.png");
        plot.write(png);
        report.line("");
        ratios.forEach(r -> report.line("- " + r + "."));
        report.line("");
        report.line("Plot: `" + png + "` (latency against N, one line per database).");
        report.line("Load average after the run: " + BenchReport.loadAverage() + ".");
        assertThat(png).isNotEmptyFile();
        assertThat(report.publish()).isNotEmptyFile();
    }

    private static void analyze(Database db) {
        try (Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("ANALYZE failed", e);
        }
    }

    private List<LatencyPlot.Point> measure(String database, StandaloneApplication server) throws Exception {
        BenchClient client = new BenchClient(server.port());
        client.giveConsent();
        Database db = server.services().database();
        RecordingRepository recordings = new PersistentRepositories(db, Clock.systemUTC()).recordings();
        Recording template = RecordingSeeder.saved(recordings, RecordingId.of(client.startRecording()));
        // PostgreSQL plans by its statistics, which its autovacuum keeps up to date by default; where it is off (as on
        // this project's build machines), a table never analysed since it was empty makes the foreign-key check of
        // every insert walk a whole index, and seeding slows as the table grows. ANALYZE stands in for it here.
        RecordingSeeder seeder = new RecordingSeeder(
                db, recordings, template, BATCH, database.equals("postgresql") ? () -> analyze(db) : () -> {});
        seeder.forPatient(template.patient(), PATIENT_RECORDINGS - 1);
        URI search = client.uri("/fhir/Media?patient=" + template.patient().value() + "&_count=20");
        List<LatencyPlot.Point> points = new ArrayList<>();
        Load baseline = null;
        Load last = null;
        double lastRate = Double.NaN;
        for (long size : SIZES) {
            double expected = (size - seeder.total()) / lastRate;
            if (expected > SEED_BUDGET_SECONDS) {
                report.put("B3." + database + "." + size + ".leftOutExpectedSeedSeconds", expected);
                report.line("| " + database + " | " + String.format("%,d", size) + " | not run: seeding would take"
                        + " about " + Math.round(expected) + " s at " + BenchReport.fmt(lastRate)
                        + "/s (-Dbench.b3.seedBudgetSeconds=" + SEED_BUDGET_SECONDS + ") | | | | | |");
                break;
            }
            long began = System.nanoTime();
            long added = seeder.othersUpTo(size, PER_OTHER_PATIENT);
            double perSecond = added / ((System.nanoTime() - began) / 1e9);
            if (added > 0) {
                lastRate = perSecond;
            }
            checkPage(search);
            Load load = LoadDriver.sequential(WARM_UP, REQUESTS, LoadDriver.get(http, search, BenchClient.CLINICIAN));
            if (baseline == null) {
                baseline = load;
            }
            String key = "B3." + database + "." + size;
            report.put(key + ".seededPerSecond", perSecond);
            report.put(key + ".p50Ms", load.p50Millis());
            report.put(key + ".p99Ms", load.p99Millis());
            report.put(key + ".errors", load.errors());
            report.put(key + ".p50Ratio", load.p50Millis() / baseline.p50Millis());
            report.put(key + ".p99Ratio", load.p99Millis() / baseline.p99Millis());
            report.line("| " + database + " | " + String.format("%,d", seeder.total()) + " | "
                    + (added == 0 ? "—" : BenchReport.fmt(perSecond)) + " | " + BenchReport.fmt(load.p50Millis())
                    + " | " + BenchReport.fmt(load.p99Millis()) + " | "
                    + BenchReport.fmt2(load.p50Millis() / baseline.p50Millis()) + "× | "
                    + BenchReport.fmt2(load.p99Millis() / baseline.p99Millis()) + "× | "
                    + BenchReport.loadAverage() + " |");
            assertThat(load.errors()).as("failed searches").isZero();
            points.add(new LatencyPlot.Point(seeder.total(), load.p50Millis()));
            last = load;
        }
        if (last != null && last != baseline) {
            ratios.add(database + ": p50 at N="
                    + String.format("%,d", points.get(points.size() - 1).x()) + " is "
                    + BenchReport.fmt2(last.p50Millis() / baseline.p50Millis()) + "× that at N="
                    + String.format("%,d", points.get(0).x()) + ", p99 "
                    + BenchReport.fmt2(last.p99Millis() / baseline.p99Millis()) + "× (target: 2× or less from"
                    + " 10,000 to 1,000,000)");
        }
        return points;
    }

    /** The page holds 20 of the patient's recordings and says how many there are: the search measured is the one meant. */
    private void checkPage(URI search) throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(search)
                        .header("Authorization", BenchClient.CLINICIAN)
                        .header("Accept", "application/fhir+json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, page.body());
        assertThat(bundle.getEntry()).hasSize(Math.min(20, PATIENT_RECORDINGS));
        if (bundle.hasTotal()) {
            assertThat(bundle.getTotal()).isEqualTo(PATIENT_RECORDINGS);
        }
    }
}
