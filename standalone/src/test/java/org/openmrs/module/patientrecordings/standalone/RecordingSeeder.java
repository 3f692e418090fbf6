/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;

/**
 * Fills a database with copies of one recording (each with a new id, and the patient asked for), saved through the
 * recording repository as the server saves them, a batch of saves per transaction; never through HTTP. Counts the
 * recordings in the database, the template included.
 */
final class RecordingSeeder {

    private final Transactions database;
    private final RecordingRepository recordings;
    private final Recording template;
    private final int batch;
    private final Runnable statistics;
    private long total = 1;
    private long others;
    private long counted = 1;

    /** @param template a recording already saved, which the copies resemble */
    RecordingSeeder(Transactions database, RecordingRepository recordings, Recording template, int batch) {
        this(database, recordings, template, batch, () -> {});
    }

    /**
     * @param template a recording already saved, which the copies resemble
     * @param statistics brings the database's statistics of the tables up to date; run, as PostgreSQL's autovacuum
     *     would by default, each time the recordings have grown by a tenth (and 50) since it last ran
     */
    RecordingSeeder(
            Transactions database, RecordingRepository recordings, Recording template, int batch, Runnable statistics) {
        this.database = database;
        this.recordings = recordings;
        this.template = template;
        this.batch = batch;
        this.statistics = statistics;
    }

    /**
     * A recording a request has just created, read from the repository: waits up to ten seconds for it, since the
     * response may reach the client before the request's transaction has committed.
     */
    static Recording saved(RecordingRepository recordings, RecordingId id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Optional<Recording> found = recordings.find(id);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            found = recordings.find(id);
        }
        return found.orElseThrow(() -> new AssertionError("recording " + id + " is not in the database"));
    }

    /** The recordings in the database so far, the template's included. */
    long total() {
        return total;
    }

    /** Adds {@code count} recordings of one patient. */
    void forPatient(PatientId patient, long count) {
        save(count, i -> patient);
    }

    /**
     * Adds recordings of other patients, {@code perPatient} each, until there are {@code size} in all.
     *
     * @return how many it added
     */
    long othersUpTo(long size, int perPatient) {
        long missing = Math.max(0, size - total);
        long first = others;
        save(missing, i -> PatientId.of("bench-patient-" + (first + i) / perPatient));
        others += missing;
        return missing;
    }

    private void save(long count, LongFunction<PatientId> patientOf) {
        for (long from = 0; from < count; from += batch) {
            long start = from;
            long end = Math.min(count, from + batch);
            database.runInUnitOfWork(() -> {
                for (long i = start; i < end; i++) {
                    recordings.save(template.toBuilder()
                            .id(RecordingId.random())
                            .patient(patientOf.apply(i))
                            .identifier(null)
                            .version(0)
                            .build());
                    // The save has flushed its rows: forgetting them keeps the transaction's persistence context
                    // small, so that the next save's query does not dirty-check every row saved before it.
                    database.inCurrentTransaction(entityManager -> {
                        entityManager.clear();
                        return null;
                    });
                }
            });
            total += end - start;
            if (total - counted > 50 + counted / 10) {
                statistics.run();
                counted = total;
            }
        }
    }
}
