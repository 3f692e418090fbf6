/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.consent.ConsentEvent;
import org.openmrs.module.patientrecordings.consent.ConsentEventType;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.MediaType;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.IdempotencyKey;
import org.openmrs.module.patientrecordings.persistence.IdempotentCreation;
import org.openmrs.module.patientrecordings.persistence.IdempotentCreator;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.persistence.audit.JpaAuditLog;
import org.openmrs.module.patientrecordings.persistence.consent.JpaConsentRepository;
import org.openmrs.module.patientrecordings.persistence.recording.JpaRecordingRepository;
import org.openmrs.module.patientrecordings.policy.Attestation;
import org.openmrs.module.patientrecordings.policy.ConsentTerms;
import org.openmrs.module.patientrecordings.recording.Recording;

/**
 * The {@link org.openmrs.module.patientrecordings.persistence.Transactions} contract kept over a host's Spring
 * transaction manager and Hibernate session factory, as inside OpenMRS: one unit of work commits whole or not at all
 * (SAF-4), a lost race is VER-1, the audit log commits on its own (SAF-2), repository calls join a transaction the
 * host began, and conditional create holds on the unique constraint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringTransactionsIT {

    private static final Instant MORNING = Instant.parse("2026-03-02T09:00:00Z");

    private final Map<DatabaseEngine, RepositoryDatabase> databases = new EnumMap<>(DatabaseEngine.class);
    private final Map<DatabaseEngine, HostHibernate> hosts = new EnumMap<>(DatabaseEngine.class);

    @AfterAll
    void dropDatabases() {
        hosts.values().forEach(HostHibernate::close);
        databases.values().forEach(RepositoryDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void aFailureAfterTwoSavesInOneUnitOfWorkLeavesNeitherSavedSAF4(DatabaseEngine engine) {
        Stores stores = stores(engine);
        PatientId patient = PatientId.random();
        Recording recording = aRecording(patient);
        RecordingConsent consent = aConsent(patient);

        assertThatThrownBy(() -> stores.transactions().runInUnitOfWork(() -> {
                    stores.recordings().save(recording);
                    stores.consents().save(consent);
                    throw new IllegalStateException("the clinical note could not be written");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the clinical note could not be written");

        assertThat(stores.recordings().find(recording.id())).isEmpty();
        assertThat(stores.consents().find(consent.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void aUnitOfWorkSeesItsOwnSavesAndCommitsThemTogether(DatabaseEngine engine) {
        Stores stores = stores(engine);
        PatientId patient = PatientId.random();

        List<Recording> seenInside = stores.transactions().inUnitOfWork(() -> {
            RecordingConsent consent = stores.consents().save(aConsent(patient));
            Recording saved = stores.recordings()
                    .save(aRecording(patient).toBuilder().consent(consent.id()).build());
            stores.recordings().save(saved.withState(RecordingState.IN_PROGRESS));
            return stores.recordings().findByPatient(patient);
        });

        assertThat(seenInside).singleElement().extracting(Recording::version).isEqualTo(2L);
        assertThat(stores.recordings().findByPatient(patient)).isEqualTo(seenInside);
        assertThat(stores.consents().findByPatient(patient)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void aVersionConflictInAUnitOfWorkRollsBackItsEarlierSavesVER1(DatabaseEngine engine) {
        Stores stores = stores(engine);
        PatientId patient = PatientId.random();
        Recording stored = stores.recordings().save(aRecording(patient));
        stores.recordings().save(stored.withState(RecordingState.IN_PROGRESS));
        RecordingConsent consent = aConsent(patient);

        assertThatThrownBy(() -> stores.transactions().runInUnitOfWork(() -> {
                    stores.consents().save(consent);
                    stores.recordings().save(stored.withState(RecordingState.IN_PROGRESS));
                }))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons()).extracting(Reason::code).containsExactly(ErrorCode.VER_1));

        assertThat(stores.consents().find(consent.id())).isEmpty();
        assertThat(stores.recordings().find(stored.id()).orElseThrow().version())
                .isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    void anAccessAuditedInAUnitOfWorkThatFailsStaysAuditedSAF2(DatabaseEngine engine) {
        Stores stores = stores(engine);
        PatientId patient = PatientId.random();

        assertThatThrownBy(() -> stores.transactions().runInUnitOfWork(() -> {
                    stores.recordings().save(aRecording(patient));
                    stores.auditLog().append(anAudit(patient));
                    throw new IllegalStateException("the upload failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(stores.recordings().findByPatient(patient)).isEmpty();
        assertThat(stores.auditLog()
                        .search(AuditQuery.all().forPatient(patient))
                        .entries())
                .singleElement()
                .extracting(entry -> entry.entry().action())
                .isEqualTo(AuditAction.CREATE);
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

    private Stores stores(DatabaseEngine engine) {
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

    private record Stores(
            SpringTransactions transactions,
            JpaRecordingRepository recordings,
            JpaConsentRepository consents,
            JpaAuditLog auditLog) {}

    private static AuditEntry anAudit(PatientId patient) {
        return AuditEntry.success(
                UserId.of("dr-okafor"), MORNING, patient, null, AuditAction.CREATE, Purpose.DIRECT_CARE);
    }

    private static Recording aRecording(PatientId patient) {
        return Recording.builder()
                .id(RecordingId.random())
                .patient(patient)
                .site(SiteId.of("riverside-practice"))
                .policyVersion(1)
                .kind(RecordingKind.CONSULTATION)
                .mediaType(MediaType.VIDEO)
                .initiator(Initiator.CLINICIAN)
                .mode(RecordingMode.OVERT)
                .operator(UserId.of("dr-okafor"))
                .state(RecordingState.REQUESTED)
                .startedAt(MORNING)
                .build();
    }

    private static RecordingConsent aConsent(PatientId patient) {
        return new RecordingConsent(
                ConsentId.random(),
                patient,
                null,
                SiteId.of("riverside-practice"),
                new ConsentTerms(
                        Set.of(RecordingKind.CONSULTATION),
                        Set.of(Purpose.DIRECT_CARE),
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null),
                Attestation.COMPLETE,
                List.of(new ConsentEvent(ConsentEventType.GIVEN, MORNING, UserId.of("dr-okafor"), null, null)),
                0);
    }
}
