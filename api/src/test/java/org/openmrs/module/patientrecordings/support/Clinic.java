/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditPage;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.audit.InMemoryAuditLog;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.consent.ConsentService;
import org.openmrs.module.patientrecordings.consent.InMemoryConsentRepository;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.disclosure.DisclosureService;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.MediaType;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CallContext;
import org.openmrs.module.patientrecordings.policy.ConsentFact;
import org.openmrs.module.patientrecordings.policy.ConsentGiver;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.port.EncounterDirectory.Encounter;
import org.openmrs.module.patientrecordings.port.PatientDirectory.Patient;
import org.openmrs.module.patientrecordings.port.SiteDirectory.Site;
import org.openmrs.module.patientrecordings.recording.InMemoryRecordingRepository;
import org.openmrs.module.patientrecordings.recording.InMemoryUploadProgress;
import org.openmrs.module.patientrecordings.recording.PatientConsents;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingRetention;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.register.InMemoryRegisterRepository;
import org.openmrs.module.patientrecordings.register.RegisterQueries;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.retention.RetentionService;
import org.openmrs.module.patientrecordings.site.InMemorySitePolicyRepository;
import org.openmrs.module.patientrecordings.site.SitePolicyService;

/**
 * A small clinic: every service wired over in-memory ports, one site (Riverside Surgery) with a typical policy, a
 * clock standing at {@link #OPENING}, and builders that read like the clinic. A new clinic per test: nothing is
 * shared between tests.
 */
public final class Clinic {

    /** When the clinic's clock starts: a Monday morning. */
    public static final Instant OPENING = Instant.parse("2025-03-10T09:00:00Z");

    private final TestClock clock = new TestClock(OPENING);
    private final FakePatientDirectory patients = new FakePatientDirectory();
    private final FakeEncounterDirectory encounters = new FakeEncounterDirectory();
    private final FakeClinicalNotes notes = new FakeClinicalNotes();
    private final FakeSiteDirectory sites = new FakeSiteDirectory();
    private final SwitchableCurrentUser currentUser = new SwitchableCurrentUser();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final RecordingEraser eraser = new RecordingEraser();
    private final InMemoryUploadProgress uploads = new InMemoryUploadProgress();

    private final InMemoryRecordingRepository recordingRepository = new InMemoryRecordingRepository();
    private final InMemoryConsentRepository consentRepository = new InMemoryConsentRepository();
    private final InMemoryRegisterRepository registerRepository = new InMemoryRegisterRepository();
    private final InMemorySitePolicyRepository sitePolicyRepository = new InMemorySitePolicyRepository();

    private final RetentionService retentionService = RetentionService.englandOnly();
    private final RecordingRetention retention;
    private final AccessGuard guard;
    private final RecordingService recordingService;
    private final ConsentService consentService;
    private final RegisterService registerService;
    private final SitePolicyService sitePolicyService;
    private final DisposalService disposalService;
    private final DisclosureService disclosureService;

    private final SiteId site = SiteId.of("riverside-surgery");
    private int staffCount;
    private int patientCount;

    public Clinic() {
        guard = new AccessGuard(currentUser, audit, clock);
        retention = new RecordingRetention(retentionService, patients, sitePolicyRepository, recordingRepository);
        RegisterQueries registerQueries = new RegisterQueries(registerRepository);
        recordingService = new RecordingService(
                recordingRepository,
                new ConsentsOnFile(),
                sitePolicyRepository,
                sites,
                registerQueries,
                patients,
                encounters,
                notes,
                retention,
                guard);
        consentService = new ConsentService(
                consentRepository, recordingRepository, recordingService, sitePolicyRepository, patients, notes, guard);
        registerService = new RegisterService(registerRepository, patients, notes, guard);
        sitePolicyService = new SitePolicyService(sitePolicyRepository, sites, retentionService.jurisdictions(), guard);
        disposalService =
                new DisposalService(recordingRepository, recordingService, registerRepository, uploads, eraser, guard);
        disclosureService = new DisclosureService(
                recordingRepository, recordingService, consentRepository, registerRepository, audit, guard);
        sites.add(new Site(site, "Riverside Surgery"));
        sitePolicyRepository.add(SitePolicyBuilder.aSitePolicy(site).build());
    }

    /** The consent service as the recording service sees it; the two need each other. */
    private final class ConsentsOnFile implements PatientConsents {
        @Override
        public List<ConsentFact> of(PatientId patient) {
            return consentService.of(patient);
        }

        @Override
        public List<ConsentFact> bearingOn(PatientId patient, RecordingId recording) {
            return consentService.bearingOn(patient, recording);
        }
    }

    // ---- the services

    public RecordingService recordings() {
        return recordingService;
    }

    public ConsentService consents() {
        return consentService;
    }

    public RegisterService registers() {
        return registerService;
    }

    public SitePolicyService sitePolicies() {
        return sitePolicyService;
    }

    public DisposalService disposal() {
        return disposalService;
    }

    public DisclosureService disclosure() {
        return disclosureService;
    }

    public RecordingRetention retention() {
        return retention;
    }

    // ---- the stores and ports, for setting up and checking

    public InMemoryRecordingRepository recordingRepository() {
        return recordingRepository;
    }

    public InMemoryConsentRepository consentRepository() {
        return consentRepository;
    }

    public InMemoryRegisterRepository registerRepository() {
        return registerRepository;
    }

    public InMemorySitePolicyRepository sitePolicyRepository() {
        return sitePolicyRepository;
    }

    public TestClock clock() {
        return clock;
    }

    public FakePatientDirectory patients() {
        return patients;
    }

    public FakeClinicalNotes notes() {
        return notes;
    }

    public FakeSiteDirectory sites() {
        return sites;
    }

    public InMemoryAuditLog audit() {
        return audit;
    }

    /** The chunked uploads in progress (SAF-4), which disposal forgets (REC-4). */
    public InMemoryUploadProgress uploads() {
        return uploads;
    }

    public RecordingEraser eraser() {
        return eraser;
    }

    public SiteId site() {
        return site;
    }

    public SitePolicy currentPolicy() {
        return sitePolicyRepository.current(site).orElseThrow();
    }

    // ---- people

    public StaffMember aClinician() {
        return staff("clinician", Privilege.VIEW_RECORDINGS, Privilege.CREATE_RECORDINGS, Privilege.MANAGE_CONSENT);
    }

    public StaffMember aRecordsManager() {
        return staff(
                "records manager",
                Privilege.VIEW_RECORDINGS,
                Privilege.MANAGE_RECORDS,
                Privilege.MANAGE_LEGAL_HOLDS,
                Privilege.DISCLOSE_RECORDINGS,
                Privilege.VIEW_AUDIT);
    }

    public StaffMember anAdministrator() {
        return staff("administrator", Privilege.VIEW_RECORDINGS, Privilege.MANAGE_POLICY);
    }

    /** A senior manager who records covert authorisations and may make and see covert recordings. */
    public StaffMember aCovertAuthoriser() {
        return staff(
                "covert authoriser",
                Privilege.AUTHORISE_COVERT,
                Privilege.VIEW_RECORDINGS,
                Privilege.CREATE_RECORDINGS,
                Privilege.MANAGE_CONSENT,
                Privilege.DISCLOSE_RECORDINGS);
    }

    /** The telephone system that records every call as a routine. */
    public StaffMember theTelephoneSystem() {
        return staff("telephone system", Privilege.CREATE_RECORDINGS);
    }

    public StaffMember aUserWith(Privilege... privileges) {
        return staff("user", privileges);
    }

    /** A user holding every privilege but {@code missing}. */
    public StaffMember aUserWithAllBut(Privilege missing) {
        Set<Privilege> all = EnumSet.allOf(Privilege.class);
        all.remove(missing);
        return new StaffMember("user without " + missing, nextUser(), all);
    }

    private StaffMember staff(String role, Privilege... privileges) {
        Set<Privilege> set = EnumSet.noneOf(Privilege.class);
        set.addAll(List.of(privileges));
        UserId user = nextUser();
        notes.knows(user, "Sam Staff-" + staffCount + " (" + role + ")");
        return new StaffMember(role, user, set);
    }

    private UserId nextUser() {
        staffCount++;
        return UserId.of("user-" + staffCount);
    }

    /** From now on {@code who} is logged in. */
    public Clinic as(StaffMember who) {
        currentUser.logIn(who.actor());
        return this;
    }

    /** Runs {@code action} as {@code who}, then logs the previous user back in. */
    public <T> T as(StaffMember who, Supplier<T> action) {
        var before = currentUser.current();
        currentUser.logIn(who.actor());
        try {
            return action.get();
        } finally {
            currentUser.logIn(before);
        }
    }

    // ---- patients and encounters

    /** An adult patient, born 1 April 1980. */
    public PatientId patient(String name) {
        return patientBornOn(name, LocalDate.parse("1980-04-01"));
    }

    public PatientId patientBornOn(String name, LocalDate born) {
        patientCount++;
        PatientId id = PatientId.of("patient-" + patientCount + "-" + name.toLowerCase(Locale.ROOT));
        patients.add(new Patient(id, name, born, null, null));
        return id;
    }

    /** An encounter of the patient at the clinic, today. */
    public EncounterId encounterOf(PatientId patient) {
        EncounterId id = EncounterId.random();
        encounters.add(new Encounter(id, patient, site, clock.instant()));
        return id;
    }

    /** An encounter whose clinician has written the contemporaneous note (REC-3). */
    public EncounterId encounterWithNoteOf(PatientId patient) {
        EncounterId id = encounterOf(patient);
        notes.clinicianWritesNote(id);
        return id;
    }

    // ---- consent

    public ConsentCommandBuilder aConsentOf(PatientId patient) {
        return new ConsentCommandBuilder(patient, site);
    }

    /**
     * The patient gives consent to record {@code kind} for {@code purposes}, recorded by a clinician; for a patient
     * under 16 their mother, who has parental responsibility, gives it (CON-12).
     */
    public RecordingConsent givenConsent(PatientId patient, RecordingKind kind, Purpose... purposes) {
        return as(
                aClinician(),
                () -> consentService
                        .give(aConsentOf(patient)
                                .forKinds(kind)
                                .forPurposes(purposes)
                                .givenBy(underSixteen(patient) ? PARENT : ConsentGiver.PATIENT)
                                .build())
                        .consent());
    }

    private static final ConsentGiver PARENT =
            ConsentGiver.representative(ConsentGiver.Authority.PARENTAL_RESPONSIBILITY, "Pat Parent", "mother");

    private boolean underSixteen(PatientId patient) {
        LocalDate born = patients.find(patient).map(Patient::birthDate).orElse(null);
        return born != null && born.plusYears(16).isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** The patient refuses consent to record {@code kind} for {@code purposes}, recorded by a clinician. */
    public RecordingConsent withheldConsent(PatientId patient, RecordingKind kind, Purpose... purposes) {
        return as(
                aClinician(),
                () -> consentService
                        .withhold(aConsentOf(patient)
                                .forKinds(kind)
                                .forPurposes(purposes)
                                .build())
                        .consent());
    }

    // ---- recordings

    public StartCommandBuilder aConsultationOf(PatientId patient) {
        return new StartCommandBuilder(patient, site, RecordingKind.CONSULTATION, MediaType.VIDEO);
    }

    public StartCommandBuilder aProcedureOf(PatientId patient) {
        return new StartCommandBuilder(patient, site, RecordingKind.PROCEDURE, MediaType.VIDEO);
    }

    public StartCommandBuilder aClinicalPhotoOf(PatientId patient) {
        return new StartCommandBuilder(patient, site, RecordingKind.CLINICAL_PHOTO, MediaType.IMAGE);
    }

    public StartCommandBuilder anUltrasoundOf(PatientId patient) {
        return new StartCommandBuilder(patient, site, RecordingKind.ULTRASOUND, MediaType.IMAGE);
    }

    /** A call recorded by the site's routine, for quality control. */
    public StartCommandBuilder aCallWith(PatientId patient, CallContext.CallType type, boolean noticeGiven) {
        return new StartCommandBuilder(patient, site, RecordingKind.TELEPHONE, MediaType.AUDIO)
                .initiatedBy(Initiator.SYSTEM)
                .forPurposes(Purpose.QUALITY)
                .call(new CallContext(type, noticeGiven, false));
    }

    /** The patient records their own consultation for their own use (PAT-1). */
    public StartCommandBuilder aPatientsOwnRecordingOf(PatientId patient) {
        return aConsultationOf(patient).byThePatient();
    }

    /** Starts a recording as the user logged in. */
    public Recording start(StartCommandBuilder command) {
        return recordingService.start(command.build()).recording();
    }

    /**
     * A clinician records a consultation of {@code patient} for {@code purposes}, with the patient's consent to
     * them, in an encounter with a note, and leaves it in progress. The previous user stays logged in.
     */
    public Recording consultationInProgress(PatientId patient, Purpose... purposes) {
        givenConsent(patient, RecordingKind.CONSULTATION, purposes);
        EncounterId encounter = encounterWithNoteOf(patient);
        return as(
                aClinician(), () -> start(aConsultationOf(patient).in(encounter).forPurposes(purposes)));
    }

    /**
     * As {@link #consultationInProgress}, then completed with content attached; the recording awaits the
     * patient's confirmation (CON-7).
     */
    public Recording completedConsultation(PatientId patient, Purpose... purposes) {
        Recording started = consultationInProgress(patient, purposes);
        return as(aClinician(), () -> {
            recordingService.attachContent(started.id(), Contents.contentOf("consultation of " + patient));
            return recordingService.complete(started.id()).recording();
        });
    }

    /** As {@link #completedConsultation}, and the patient confirmed their consent afterwards (CON-7). */
    public Recording confirmedConsultation(PatientId patient, Purpose... purposes) {
        Recording completed = completedConsultation(patient, purposes);
        return as(
                aClinician(),
                () -> consentService.confirmAfterRecording(completed.id(), true, true, null, "happy with it"));
    }

    public Recording stored(RecordingId id) {
        return recordingRepository.find(id).orElseThrow();
    }

    // ---- site policy

    /** An administrator changes the site's policy to its next version. */
    public SitePolicy policyChanged(UnaryOperator<SitePolicyBuilder> change) {
        return as(
                anAdministrator(),
                () -> sitePolicyService.change(change.apply(SitePolicyBuilder.nextVersionOf(currentPolicy()))
                        .build()));
    }

    // ---- the audit trail

    /** Every audit entry, oldest first. */
    public List<AuditEntry> auditTrail() {
        List<AuditEntry> all = new ArrayList<>();
        int offset = 0;
        AuditPage page;
        do {
            page = audit.search(
                    AuditQuery.all().ordered(AuditQuery.Order.OLDEST_FIRST).page(offset, AuditQuery.MAX_LIMIT));
            page.entries().stream().map(StoredAuditEntry::entry).forEach(all::add);
            offset += page.entries().size();
        } while (page.hasMore() && !page.entries().isEmpty());
        return all;
    }

    /** The latest audit entry; fails when there is none. */
    public AuditEntry lastAuditEntry() {
        List<AuditEntry> all = auditTrail();
        if (all.isEmpty()) {
            throw new AssertionError("nothing was audited");
        }
        return all.get(all.size() - 1);
    }
}
