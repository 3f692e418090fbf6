/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.consent.ConsentEvent;
import org.openmrs.module.patientrecordings.consent.ConsentEventType;
import org.openmrs.module.patientrecordings.consent.ConsentRepository;
import org.openmrs.module.patientrecordings.consent.ConsentRepositoryContract;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;

/**
 * The consent repository contract against {@link JpaConsentRepository} on a real database of its own, and what the
 * append-only history table adds to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaConsentRepositoryContract extends ConsentRepositoryContract {

    private RepositoryDatabase database;

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
        return new JpaConsentRepository(database.emptied());
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
}
