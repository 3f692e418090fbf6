/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.IdempotencyKey;
import org.openmrs.module.patientrecordings.persistence.IdempotentCreation;
import org.openmrs.module.patientrecordings.persistence.IdempotentCreator;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.persistence.UnitOfWorkContract;
import org.openmrs.module.patientrecordings.persistence.audit.JpaAuditLog;
import org.openmrs.module.patientrecordings.persistence.consent.JpaConsentRepository;
import org.openmrs.module.patientrecordings.persistence.recording.JpaRecordingRepository;
import org.openmrs.module.patientrecordings.recording.Recording;

/**
 * The {@link org.openmrs.module.patientrecordings.persistence.Transactions} contract kept over a host's Spring
 * transaction manager and Hibernate session factory, as inside OpenMRS: one unit of work commits whole or not at all
 * (SAF-4), a lost race is VER-1, the audit log commits on its own (SAF-2), repository calls join a transaction the
 * host began, and conditional create holds on the unique constraint.
 */
class SpringTransactionsIT extends UnitOfWorkContract {

    private final Map<DatabaseEngine, RepositoryDatabase> databases = new EnumMap<>(DatabaseEngine.class);
    private final Map<DatabaseEngine, HostHibernate> hosts = new EnumMap<>(DatabaseEngine.class);

    @AfterAll
    void dropDatabases() {
        hosts.values().forEach(HostHibernate::close);
        databases.values().forEach(RepositoryDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void repositoryCallsJoinATransactionTheHostBeganAndShareItsOutcome(DatabaseEngine engine) {
        Stores stores = stores(engine);
        HostHibernate host = hosts.get(engine);
        PatientId rolledBack = PatientId.random();
        PatientId committed = PatientId.random();

        host.hostTransaction().executeWithoutResult(status -> {
            stores.recordings().save(aRecording(rolledBack));
            assertThat(stores.recordings().findByPatient(rolledBack)).hasSize(1);
            stores.auditLog().append(anAudit(rolledBack));
            status.setRollbackOnly();
        });
        host.hostTransaction()
                .executeWithoutResult(status -> stores.recordings().save(aRecording(committed)));

        assertThat(stores.recordings().findByPatient(rolledBack)).isEmpty();
        assertThat(stores.auditLog()
                        .search(AuditQuery.all().forPatient(rolledBack))
                        .entries())
                .as("the audit log commits in a transaction of its own, whatever the host's does")
                .hasSize(1);
        assertThat(stores.recordings().findByPatient(committed)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void aRefusalInJoinedWorkLeavesItToTheOwnerOfTheTransactionWhetherItCommitsVER1(DatabaseEngine engine) {
        Stores stores = stores(engine);
        HostHibernate host = hosts.get(engine);
        Recording stale = stores.recordings().save(aRecording(PatientId.random()));
        stores.recordings().save(stale.withState(RecordingState.IN_PROGRESS));
        PatientId kept = PatientId.random();

        host.hostTransaction().executeWithoutResult(status -> {
            stores.recordings().save(aRecording(kept));
            assertThatThrownBy(() -> stores.recordings().save(stale.withState(RecordingState.IN_PROGRESS)))
                    .isInstanceOfSatisfying(
                            RuleViolationException.class,
                            e -> assertThat(e.reasons())
                                    .extracting(Reason::code)
                                    .containsExactly(ErrorCode.VER_1));
        });

        assertThat(stores.recordings().findByPatient(kept)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void aSecondCreateWithTheSameKeyGetsTheFirstResourceFromTheUniqueConstraint(DatabaseEngine engine) {
        Stores stores = stores(engine);
        IdempotentCreator creator = new IdempotentCreator(stores.transactions(), Clock.fixed(MORNING, ZoneOffset.UTC));
        IdempotencyKey key = new IdempotencyKey("media", "upload-" + UUID.randomUUID());

        IdempotentCreation<String> first = creator.createOnce(key, "first", entityManager -> {});
        IdempotentCreation<String> second = creator.createOnce(key, "second", entityManager -> {});

        assertThat(first).isEqualTo(new IdempotentCreation<>("first", true));
        assertThat(second).isEqualTo(new IdempotentCreation<>("first", false));
        assertThat(creator.resourceFor(key)).contains("first");
    }

    @Override
    protected Stores stores(DatabaseEngine engine) {
        RepositoryDatabase database = databases.computeIfAbsent(engine, RepositoryDatabase::create);
        HostHibernate host = hosts.computeIfAbsent(engine, e -> new HostHibernate(database.emptied()));
        database.emptied();
        SpringTransactions transactions = host.transactions();
        return new Stores(
                transactions,
                new JpaRecordingRepository(transactions),
                new JpaConsentRepository(transactions),
                new JpaAuditLog(transactions));
    }
}
