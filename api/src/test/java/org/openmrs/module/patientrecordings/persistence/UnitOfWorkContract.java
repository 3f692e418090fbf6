/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.consent.ConsentEvent;
import org.openmrs.module.patientrecordings.consent.ConsentEventType;
import org.openmrs.module.patientrecordings.consent.ConsentRepository;
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
import org.openmrs.module.patientrecordings.policy.Attestation;
import org.openmrs.module.patientrecordings.policy.ConsentTerms;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;

/**
 * What every {@link Transactions} keeps, on every database engine: one unit of work commits whole or not at all
 * (SAF-4), a lost race inside it rolls back its earlier saves (VER-1), and the audit log commits on its own, so an
 * access audited in a failed unit of work stays audited (SAF-2). A subclass gives the stores over the
 * implementation it tests: the module's own {@link Database}, or a host's Spring transactions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UnitOfWorkContract {

    protected static final Instant MORNING = Instant.parse("2026-03-02T09:00:00Z");

    /**
     * The stores of one emptied database of {@code engine}, all running on the same transactions.
     */
    protected abstract Stores stores(DatabaseEngine engine);

    /** Repositories and audit log over one {@link Transactions}. */
    public record Stores(
            Transactions transactions, RecordingRepository recordings, ConsentRepository consents, AuditLog auditLog) {}

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

    protected static AuditEntry anAudit(PatientId patient) {
        return AuditEntry.success(
                UserId.of("dr-okafor"), MORNING, patient, null, AuditAction.CREATE, Purpose.DIRECT_CARE);
    }

    protected static Recording aRecording(PatientId patient) {
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

    protected static RecordingConsent aConsent(PatientId patient) {
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
