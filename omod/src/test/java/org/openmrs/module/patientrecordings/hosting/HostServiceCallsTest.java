/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.audit.InMemoryAuditLog;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.consent.InMemoryConsentRepository;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.MediaType;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.policy.MissingNoteHandling;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.TelephonePolicy;
import org.openmrs.module.patientrecordings.port.PatientDirectory;
import org.openmrs.module.patientrecordings.recording.InMemoryRecordingRepository;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingRetention;
import org.openmrs.module.patientrecordings.register.InMemoryRegisterRepository;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.retention.InMemoryRetentionScheduleRepository;
import org.openmrs.module.patientrecordings.retention.RecordClass;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRegistry;
import org.openmrs.module.patientrecordings.retention.RetentionService;
import org.openmrs.module.patientrecordings.site.InMemorySitePolicyRepository;

/**
 * REC-1 and REC-2 inside the host: what the adapter's advice hands over when OpenMRS' own services record a death,
 * save a patient or an encounter, void, unvoid, merge or purge a patient, over in-memory stores and a fake patient
 * directory standing in for OpenMRS' data.
 */
class HostServiceCallsTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    /** A consultation recorded months before the death recorded below. */
    private static final Instant RECORDED = Instant.parse("2024-06-03T10:00:00Z");

    private static final SiteId SURGERY = SiteId.of("riverside-surgery");
    private static final SiteId CLINIC = SiteId.of("outpatients");
    private static final PatientId AMELIA = PatientId.of("amelia");
    private static final PatientId DUPLICATE = PatientId.of("amelia-duplicate");
    private static final UserId CLERK = UserId.of("registration-clerk");

    private final Map<PatientId, PatientDirectory.Patient> openmrs = new ConcurrentHashMap<>();
    private final InMemoryRecordingRepository recordings = new InMemoryRecordingRepository();
    private final InMemoryRegisterRepository registers = new InMemoryRegisterRepository();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemorySitePolicyRepository policies = new InMemorySitePolicyRepository();
    private final HostPatientEvents events;
    private boolean moduleAvailable = true;
    private final HostServiceCalls calls =
            new HostServiceCalls(() -> moduleAvailable ? Optional.of(events()) : Optional.empty());

    HostServiceCallsTest() {
        PatientDirectory directory = id -> Optional.ofNullable(openmrs.get(id));
        RetentionScheduleRegistry schedules =
                RetentionScheduleRegistry.withEnglandDefaults(new InMemoryRetentionScheduleRepository());
        events = new HostPatientEvents(
                recordings,
                new InMemoryConsentRepository(),
                registers,
                new RecordingRetention(new RetentionService(schedules::schedules), directory, policies, recordings),
                audit,
                () -> new Actor(CLERK, Set.of()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        policies.add(policy(SURGERY, RecordClass.GP));
        policies.add(policy(CLINIC, RecordClass.GENERAL));
        alive(AMELIA, null);
        alive(DUPLICATE, null);
    }

    private HostPatientEvents events() {
        return events;
    }

    @Test
    void aDeathRecordedInOpenmrsSetsTheRetentionOfTheGpRecordingsTenYearsOn() {
        Recording consultation = recordings.save(recording(AMELIA, SURGERY));
        assertThat(consultation.retentionUntil())
                .as("a living patient's GP record is kept")
                .isNull();

        openmrs.put(AMELIA, patient(AMELIA, LocalDate.parse("2025-03-01"), null));
        calls.returned("PatientService", "processDeath", List.of(AMELIA));

        assertThat(recordings.find(consultation.id()).orElseThrow().retentionUntil())
                .isEqualTo(LocalDate.parse("2035-03-01"));
        assertThat(trail(AMELIA))
                .singleElement()
                .satisfies(e -> assertThat(e.user()).isEqualTo(CLERK))
                .satisfies(e -> assertThat(e.detail()).contains("retention recomputed for 1 recordings"));
    }

    @Test
    void aDeathSavedThroughThePersonServiceCountsTheSame() {
        Recording consultation = recordings.save(recording(AMELIA, SURGERY));

        openmrs.put(AMELIA, patient(AMELIA, LocalDate.parse("2024-12-24"), null));
        calls.returned("PersonService", "savePerson", List.of(AMELIA));

        assertThat(recordings.find(consultation.id()).orElseThrow().retentionUntil())
                .isEqualTo(LocalDate.parse("2034-12-24"));
    }

    @Test
    void aNewEncounterInOpenmrsMovesTheEndOfAnAdultsRecord() {
        Recording outpatient = recordings.save(recording(AMELIA, CLINIC));
        calls.returned("PatientService", "savePatient", List.of(AMELIA));
        LocalDate before = recordings.find(outpatient.id()).orElseThrow().retentionUntil();

        openmrs.put(AMELIA, patient(AMELIA, null, LocalDate.parse("2027-06-01")));
        calls.returned("EncounterService", "saveEncounter", List.of(AMELIA));

        assertThat(before).as("8 years after the recording").isEqualTo(LocalDate.parse("2032-06-03"));
        assertThat(recordings.find(outpatient.id()).orElseThrow().retentionUntil())
                .isEqualTo(LocalDate.parse("2035-06-01"));
    }

    @Test
    void aChangeToAPatientWithoutRecordingsLeavesNoTrace() {
        calls.returned("PatientService", "savePatient", List.of(AMELIA));

        assertThat(trail(AMELIA)).isEmpty();
    }

    @Test
    void aMergeMovesRecordingsAndHoldsToThePreferredPatientAndRecomputesTheirRetention() {
        Recording duplicates = recordings.save(recording(DUPLICATE, SURGERY));
        registers.save(new LegalHold("hold-1", DUPLICATE, LegalAuthority.CLAIM, "C-1", CLERK, NOW, null, null, null));
        openmrs.put(AMELIA, patient(AMELIA, LocalDate.parse("2025-01-01"), null));

        calls.returned("PatientService", "mergePatients", List.of(AMELIA, DUPLICATE));

        Recording moved = recordings.find(duplicates.id()).orElseThrow();
        assertThat(moved.patient()).isEqualTo(AMELIA);
        assertThat(moved.retentionUntil()).isEqualTo(LocalDate.parse("2035-01-01"));
        assertThat(registers.list(LegalHold.class))
                .singleElement()
                .satisfies(h -> assertThat(h.patient()).isEqualTo(AMELIA));
        assertThat(trail(AMELIA)).anySatisfy(e -> assertThat(e.detail()).contains("merged into this patient"));
    }

    @Test
    void aMergeIsRefusedWhileTheModuleCannotMoveTheRecordings() {
        recordings.save(recording(DUPLICATE, SURGERY));
        moduleAvailable = false;

        assertThatThrownBy(() -> calls.returned("PatientService", "mergePatients", List.of(AMELIA, DUPLICATE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("merge is refused");
    }

    @Test
    void aVoidedPatientsRecordingsAreKeptWithTheirRetentionAndUnvoidingRecomputesIt() {
        Recording outpatient = recordings.save(recording(AMELIA, CLINIC));
        calls.returned("PatientService", "savePatient", List.of(AMELIA));
        LocalDate kept = recordings.find(outpatient.id()).orElseThrow().retentionUntil();

        openmrs.remove(AMELIA);
        calls.returned("PatientService", "voidPatient", List.of(AMELIA));
        assertThat(recordings.find(outpatient.id()).orElseThrow().retentionUntil())
                .isEqualTo(kept);
        assertThat(recordings.find(outpatient.id()).orElseThrow().state()).isEqualTo(RecordingState.COMPLETED);

        openmrs.put(AMELIA, patient(AMELIA, null, LocalDate.parse("2026-01-15")));
        calls.returned("PatientService", "unvoidPatient", List.of(AMELIA));

        assertThat(recordings.find(outpatient.id()).orElseThrow().retentionUntil())
                .isEqualTo(LocalDate.parse("2034-01-15"));
        assertThat(trail(AMELIA))
                .extracting(AuditEntry::detail)
                .anyMatch(d -> d.contains("voided"))
                .anyMatch(d -> d.contains("unvoided"));
    }

    @Test
    void aFailureToRecomputeNeverStopsOpenmrsFromSavingThePatient() {
        recordings.save(recording(AMELIA, SiteId.of("a-site-without-a-policy")));

        calls.returned("PatientService", "savePatient", List.of(AMELIA));
        moduleAvailable = false;
        calls.returned("PersonService", "voidPerson", List.of(AMELIA));

        assertThat(trail(AMELIA)).isEmpty();
    }

    @Test
    void aPatientWithRecordingsCannotBePurgedButCanBeVoided() {
        recordings.save(recording(AMELIA, SURGERY));

        assertThat(calls.purging("PatientService", "purgePatient", List.of(AMELIA)))
                .hasValueSatisfying(r -> assertThat(r.moduleUnavailable()).isFalse());
        assertThat(calls.purging("PersonService", "purgePerson", List.of(AMELIA)))
                .isPresent();
        assertThat(calls.purging("PatientService", "voidPatient", List.of(AMELIA)))
                .isEmpty();
        assertThat(calls.purging("PatientService", "purgePatient", List.of(DUPLICATE)))
                .isEmpty();
    }

    @Test
    void whileTheModuleIsUnavailableNoPatientIsPurged() {
        moduleAvailable = false;

        assertThat(calls.purging("PatientService", "purgePatient", List.of(DUPLICATE)))
                .hasValueSatisfying(r -> assertThat(r.moduleUnavailable()).isTrue());
    }

    @Test
    void callsThatDoNotConcernRecordingsAreIgnored() {
        recordings.save(recording(AMELIA, SURGERY));
        openmrs.put(AMELIA, patient(AMELIA, LocalDate.parse("2025-03-01"), null));

        calls.returned("PatientService", "getPatientByUuid", List.of(AMELIA));

        assertThat(recordings.findByPatient(AMELIA))
                .singleElement()
                .satisfies(r -> assertThat(r.retentionUntil()).isNull());
    }

    private List<AuditEntry> trail(PatientId patient) {
        return audit.search(AuditQuery.all().forPatient(patient).page(0, AuditQuery.MAX_LIMIT)).entries().stream()
                .map(StoredAuditEntry::entry)
                .toList();
    }

    private void alive(PatientId id, LocalDate lastTreatment) {
        openmrs.put(id, patient(id, null, lastTreatment));
    }

    private static PatientDirectory.Patient patient(PatientId id, LocalDate died, LocalDate lastTreatment) {
        return new PatientDirectory.Patient(id, "Amelia Clarke", LocalDate.parse("1980-04-01"), died, lastTreatment);
    }

    private static Recording recording(PatientId patient, SiteId site) {
        return Recording.builder()
                .id(RecordingId.random())
                .patient(patient)
                .site(site)
                .policyVersion(1)
                .kind(RecordingKind.CONSULTATION)
                .mediaType(MediaType.VIDEO)
                .initiator(Initiator.CLINICIAN)
                .mode(RecordingMode.OVERT)
                .purposes(Set.of(Purpose.DIRECT_CARE))
                .operator(UserId.of("clinician"))
                .state(RecordingState.COMPLETED)
                .startedAt(RECORDED)
                .endedAt(RECORDED.plusSeconds(600))
                .build();
    }

    private static SitePolicy policy(SiteId site, RecordClass recordClass) {
        return new SitePolicy(
                site,
                1,
                EnumSet.of(RecordingKind.CONSULTATION),
                true,
                new TelephonePolicy(false, Set.of(), List.of()),
                List.of(),
                List.of(),
                "ENGLAND",
                recordClass,
                MissingNoteHandling.FLAG);
    }
}
