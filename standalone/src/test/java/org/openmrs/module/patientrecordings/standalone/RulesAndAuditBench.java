/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Media;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.PersistentRepositories;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.recording.UseContext;
import org.openmrs.module.patientrecordings.standalone.LoadDriver.Load;
import org.openmrs.module.patientrecordings.web.fhir.FhirServerDependencies;
import org.openmrs.module.patientrecordings.web.fhir.MediaRendering;

/**
 * B4 the cost of the access rules and the audit (figures, never assertions on time). In-process on one standalone
 * server (H2), each call one unit of work as a request's is, as the demo clinician:
 *
 * <ul>
 *   <li>with: the read ({@code Media/{id}}) and the patient search as the FHIR server makes them, through the
 *       recording service, which checks the rules and writes the audit (one entry per read, one per search and one
 *       per hit);
 *   <li>without (the baseline): the same lookups straight from the same recording repository (the search keeps the
 *       same visibility filter, so that both render the same recordings), with no access check and no audit.
 * </ul>
 *
 * Both render through the FHIR server's own Media rendering and encode JSON (the search: a bundle of the first 20).
 * The two alternate in {@code -Dbench.b4.rounds} (default 2) rounds, each measured one call at a time ({@code
 * -Dbench.b4.calls}, default 500, after 100 uncounted) for the median, and on {@code -Dbench.b4.threads} (default 4)
 * threads for {@code -Dbench.seconds} (default 10) for the rate. The same read and search over HTTP, one at a time,
 * are reported beside them for scale.
 */
class RulesAndAuditBench {

    private static final int ROUNDS = Integer.getInteger("bench.b4.rounds", 2);
    private static final int CALLS = Integer.getInteger("bench.b4.calls", 500);
    private static final int THREADS = Integer.getInteger("bench.b4.threads", 4);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int PATIENT_RECORDINGS = 30;
    private static final String BASE = "http://127.0.0.1/fhir";

    private final BenchReport report = new BenchReport("b4-rules-and-audit");

    @Test
    void measuresReadsAndSearchesWithAndWithoutRulesAndAudit(@TempDir Path data) throws Exception {
        report.line("## B4 the cost of the access rules and the audit (RulesAndAuditBench)");
        report.line("");
        report.line("Machine at the start: " + BenchReport.machine() + ". In-process, H2, one unit of work per call;"
                + " the median of " + CALLS + " calls one at a time, the rate on " + THREADS + " threads for "
                + SECONDS + " s; " + ROUNDS + " alternating rounds. The patient has " + PATIENT_RECORDINGS
                + " recordings.");
        report.line("");
        try (StandaloneApplication server = StandaloneServerContract.start(data, List.of())) {
            Services services = server.services();
            Database database = services.database();
            BenchClient client = new BenchClient(server.port());
            client.giveConsent();
            RecordingRepository repository = new PersistentRepositories(database, Clock.systemUTC()).recordings();
            RecordingId id = RecordingId.of(client.startRecording());
            Recording template = RecordingSeeder.saved(repository, id);
            PatientId patient = template.patient();
            new RecordingSeeder(database, repository, template, 100).forPatient(patient, PATIENT_RECORDINGS - 1);
            Actor clinician = services.users().find("clinician").orElseThrow().actor();
            MediaRendering views = new MediaRendering(new FhirServerDependencies(
                    services.recordings(),
                    services.consents(),
                    services.registers(),
                    services.disclosure(),
                    services.registerEntries(),
                    services.audit(),
                    services.guard(),
                    services.store()));
            UseContext view = UseContext.directCare(UseAction.VIEW);

            Supplier<String> readWith = () -> read(views, services.recordings().use(id, view));
            Supplier<String> readWithout = () -> read(views, repository.find(id).orElseThrow());
            Supplier<String> searchWith =
                    () -> search(views, services.recordings().findForPatient(patient));
            Supplier<String> searchWithout = () -> search(
                    views,
                    repository.findByPatient(patient).stream()
                            .filter(r -> RecordingService.visibleTo(clinician, r))
                            .toList());
            // Both sides give the same answer, so that the difference is the rules and the audit alone.
            String[] answers = {
                as(services, clinician, database, readWith),
                as(services, clinician, database, readWithout),
                as(services, clinician, database, searchWith),
                as(services, clinician, database, searchWithout)
            };
            assertThat(answers[0]).isEqualTo(answers[1]);
            assertThat(answers[2]).isEqualTo(answers[3]);
            assertThat(json().parseResource(Bundle.class, answers[2]).getEntry())
                    .hasSize(20);

            report.line("| what | round | p50 ms with | p50 ms without (baseline) | p50 difference ms | req/s with"
                    + " | req/s without (baseline) | rate difference | load average |");
            report.line("|---|---|---|---|---|---|---|---|---|");
            compare(services, clinician, database, "read", "Media/{id}", readWith, readWithout);
            compare(services, clinician, database, "search", "Media?patient=…&_count=20", searchWith, searchWithout);

            report.line("");
            report.line("For scale, the same over HTTP through the whole server (authentication, HAPI, the unit-of-work"
                    + " filter), one request at a time:");
            report.line("");
            report.line("| what | p50 ms | p99 ms |");
            report.line("|---|---|---|");
            httpRow("B4.http.read", "GET /fhir/Media/{id}", client, "/fhir/Media/" + id.value());
            httpRow(
                    "B4.http.search",
                    "GET /fhir/Media?patient=…&_count=20",
                    client,
                    "/fhir/Media?patient=" + patient.value() + "&_count=20");
        }
        report.line("");
        report.line("Load average after the run: " + BenchReport.loadAverage() + ".");
        assertThat(report.publish()).isNotEmptyFile();
    }

    private void compare(
            Services services,
            Actor actor,
            Database database,
            String key,
            String what,
            Supplier<String> with,
            Supplier<String> without)
            throws Exception {
        double p50With = 0;
        double p50Without = 0;
        double rateWith = 0;
        double rateWithout = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            Load latencyWith = LoadDriver.sequential(100, CALLS, call(services, actor, database, with));
            Load latencyWithout = LoadDriver.sequential(100, CALLS, call(services, actor, database, without));
            Load rateOfWith = LoadDriver.concurrent(THREADS, SECONDS, () -> call(services, actor, database, with));
            Load rateOfWithout =
                    LoadDriver.concurrent(THREADS, SECONDS, () -> call(services, actor, database, without));
            assertThat(latencyWith.errors() + latencyWithout.errors() + rateOfWith.errors() + rateOfWithout.errors())
                    .as("failed calls")
                    .isZero();
            row(
                    "B4." + key + ".round" + round,
                    what,
                    Integer.toString(round),
                    latencyWith,
                    latencyWithout,
                    rateOfWith,
                    rateOfWithout);
            p50With += latencyWith.p50Millis() / ROUNDS;
            p50Without += latencyWithout.p50Millis() / ROUNDS;
            rateWith += rateOfWith.perSecond() / ROUNDS;
            rateWithout += rateOfWithout.perSecond() / ROUNDS;
        }
        String prefix = "B4." + key + ".mean";
        report.put(prefix + ".p50DifferenceMs", p50With - p50Without);
        report.put(prefix + ".rateDifference", rateWith / rateWithout - 1);
        report.line("| **" + what + "** | mean | " + BenchReport.fmt2(p50With) + " | " + BenchReport.fmt2(p50Without)
                + " | **" + BenchReport.fmt2(p50With - p50Without) + "** | " + BenchReport.fmt(rateWith) + " | "
                + BenchReport.fmt(rateWithout) + " | **" + BenchReport.fmt(100 * (rateWith / rateWithout - 1))
                + " %** | |");
    }

    private void row(
            String key,
            String what,
            String round,
            Load latencyWith,
            Load latencyWithout,
            Load rateWith,
            Load rateWithout) {
        report.put(key + ".p50MsWith", latencyWith.p50Millis());
        report.put(key + ".p50MsWithout", latencyWithout.p50Millis());
        report.put(key + ".p99MsWith", latencyWith.p99Millis());
        report.put(key + ".p99MsWithout", latencyWithout.p99Millis());
        report.put(key + ".perSecondWith", rateWith.perSecond());
        report.put(key + ".perSecondWithout", rateWithout.perSecond());
        double difference = rateWith.perSecond() / rateWithout.perSecond() - 1;
        report.line("| " + what + " | " + round + " | " + BenchReport.fmt2(latencyWith.p50Millis()) + " | "
                + BenchReport.fmt2(latencyWithout.p50Millis()) + " | "
                + BenchReport.fmt2(latencyWith.p50Millis() - latencyWithout.p50Millis()) + " | "
                + BenchReport.fmt(rateWith.perSecond()) + " | " + BenchReport.fmt(rateWithout.perSecond()) + " | "
                + BenchReport.fmt(100 * difference) + " % | " + BenchReport.loadAverage() + " |");
    }

    private void httpRow(String key, String what, BenchClient client, String path) throws Exception {
        Load load = LoadDriver.sequential(
                50, CALLS, LoadDriver.get(LoadDriver.newClient(), client.uri(path), BenchClient.CLINICIAN));
        assertThat(load.errors()).as("failed requests").isZero();
        report.put(key + ".p50Ms", load.p50Millis());
        report.put(key + ".p99Ms", load.p99Millis());
        report.line("| " + what + " | " + BenchReport.fmt2(load.p50Millis()) + " | "
                + BenchReport.fmt2(load.p99Millis()) + " |");
    }

    /** One call as a request runs it: the user bound to the thread, one unit of work. */
    private static LoadDriver.Call call(Services services, Actor actor, Database database, Supplier<String> work) {
        return () -> !as(services, actor, database, work).isEmpty();
    }

    private static String as(Services services, Actor actor, Database database, Supplier<String> work) {
        return services.currentUser().callAs(actor, () -> database.inUnitOfWork(work));
    }

    /** A parser per call: parsers are not thread-safe. */
    private static IParser json() {
        return FhirContext.forR4Cached().newJsonParser();
    }

    private String read(MediaRendering views, Recording recording) {
        return json().encodeResourceToString(
                        views.toFhir(List.of(recording), BASE).get(0));
    }

    private String search(MediaRendering views, List<Recording> hits) {
        List<Media> media = views.toFhir(hits, BASE);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(media.size());
        media.stream().limit(20).forEach(m -> bundle.addEntry().setResource(m));
        return json().encodeResourceToString(bundle);
    }
}
