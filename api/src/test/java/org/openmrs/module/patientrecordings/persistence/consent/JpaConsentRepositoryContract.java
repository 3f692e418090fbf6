/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.consent.ConsentEvent;
import org.openmrs.module.patientrecordings.consent.ConsentEventType;
import org.openmrs.module.patientrecordings.consent.ConsentRepository;
import org.openmrs.module.patientrecordings.consent.ConsentRepositoryContract;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;

/**
 * The consent repository contract against {@link JpaConsentRepository} on a real database of its own, and what the
 * append-only history table adds to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaConsentRepositoryContract extends ConsentRepositoryContract {

    private RepositoryDatabase database;
    private Database open;

    abstract DatabaseEngine engine();

    @BeforeAll
    void createDatabase() {
        database = RepositoryDatabase.create(engine());
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Override
    protected ConsentRepository emptyRepository() {
        open = database.emptied();
        return new JpaConsentRepository(open);
    }

    @Test
    void aSaveThatRewritesAStoredDecisionIsRefusedAndTheHistoryStaysAsItWas() {
        RecordingConsent stored = consents.save(aConsent());
        ConsentEvent forged = new ConsentEvent(
                ConsentEventType.WITHHELD, Instant.parse("2026-03-02T08:00:00Z"), UserId.of("x"), null, null);
        RecordingConsent rewritten = new RecordingConsent(
                stored.id(),
                stored.patient(),
                stored.encounter(),
                stored.site(),
                stored.terms(),
                stored.attestation(),
                List.of(forged),
                stored.version());

        assertThatThrownBy(() -> consents.save(rewritten)).isInstanceOf(IllegalArgumentException.class);

        assertThat(consents.find(stored.id())).contains(stored);
    }

    /**
     * CON-1: while later decisions keep replacing earlier ones, each in one transaction, a reader of the patient's
     * consents sees every consent it reads as superseded together with its successor, never one without the other:
     * the patient is never seemingly left without a consent in force.
     */
    @Test
    void aReaderNeverSeesAConsentSupersededWithoutItsSuccessor() throws Exception {
        consents.save(aConsent());
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> replacements = writer.submit(() -> {
                int made = 0;
                while (!done.get() && made < 400) {
                    open.inUnitOfWork(() -> {
                        RecordingConsent next = consents.save(aConsent());
                        for (RecordingConsent earlier : consents.findByPatient(patient)) {
                            if (earlier.state() == ConsentState.GIVEN
                                    && !earlier.id().equals(next.id())) {
                                consents.save(earlier.with(new ConsentEvent(
                                        ConsentEventType.SUPERSEDED,
                                        Instant.parse("2026-03-02T09:00:00Z"),
                                        UserId.of("x"),
                                        null,
                                        null,
                                        next.id())));
                            }
                        }
                        return next;
                    });
                    made++;
                }
                return made;
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int reads = 0;
            while (!replacements.isDone() && System.nanoTime() < deadline) {
                List<RecordingConsent> seen = consents.findByPatient(patient);
                Set<ConsentId> ids = seen.stream().map(RecordingConsent::id).collect(Collectors.toSet());
                assertThat(seen)
                        .as("read %d", reads)
                        .filteredOn(c -> c.state() == ConsentState.SUPERSEDED)
                        .allSatisfy(c -> assertThat(ids).contains(c.successor()));
                assertThat(seen).as("read %d", reads).anyMatch(c -> c.state() == ConsentState.GIVEN);
                reads++;
            }
            done.set(true);
            assertThat(replacements.get(30, TimeUnit.SECONDS)).isPositive();
            assertThat(reads).isPositive();
        } finally {
            done.set(true);
            writer.shutdown();
            // The next test empties the tables: the writer must have finished its last replacement first.
            assertThat(writer.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
