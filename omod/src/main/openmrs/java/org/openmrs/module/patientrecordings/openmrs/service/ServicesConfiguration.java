/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.consent.ConsentRepository;
import org.openmrs.module.patientrecordings.consent.ConsentService;
import org.openmrs.module.patientrecordings.consent.StoredPatientConsents;
import org.openmrs.module.patientrecordings.disclosure.DisclosureService;
import org.openmrs.module.patientrecordings.disposal.ContentEraser;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.hosting.HostPatientEvents;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.port.CurrentUser;
import org.openmrs.module.patientrecordings.port.EncounterDirectory;
import org.openmrs.module.patientrecordings.port.PatientDirectory;
import org.openmrs.module.patientrecordings.port.SiteDirectory;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.recording.RecordingRetention;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.recording.UploadProgress;
import org.openmrs.module.patientrecordings.register.RegisterQueries;
import org.openmrs.module.patientrecordings.register.RegisterRepository;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRegistry;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRepository;
import org.openmrs.module.patientrecordings.retention.RetentionService;
import org.openmrs.module.patientrecordings.site.PolicyFileService;
import org.openmrs.module.patientrecordings.site.RetentionScheduleService;
import org.openmrs.module.patientrecordings.site.SitePolicyRepository;
import org.openmrs.module.patientrecordings.site.SitePolicyService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's services over the host ports and the stores, wired as the standalone server wires them
 * ({@code StandaloneApplication.services}).
 */
@Configuration(proxyBeanMethods = false)
public class ServicesConfiguration {

    @Bean
    public AccessGuard patientRecordingsAccessGuard(CurrentUser currentUser, AuditLog audit, Clock clock) {
        return new AccessGuard(currentUser, audit, clock);
    }

    /** The retention schedules (REC-2): the shipped ones, and those an administrator changed. */
    @Bean
    public RetentionScheduleRegistry patientRecordingsRetentionSchedules(RetentionScheduleRepository administered) {
        return RetentionScheduleRegistry.withEnglandDefaults(administered);
    }

    @Bean
    public RetentionService patientRecordingsRetentionService(RetentionScheduleRegistry schedules) {
        return new RetentionService(schedules::schedules);
    }

    @Bean
    public RetentionScheduleService patientRecordingsRetentionScheduleService(
            RetentionScheduleRegistry schedules, AccessGuard guard) {
        return new RetentionScheduleService(schedules, guard);
    }

    @Bean
    public PolicyFileService patientRecordingsPolicyFileService(
            SitePolicyService policies, RetentionScheduleService schedules, AccessGuard guard) {
        return new PolicyFileService(policies, schedules, guard);
    }

    @Bean
    public RecordingRetention patientRecordingsRecordingRetention(
            RetentionService retention,
            PatientDirectory patients,
            SitePolicyRepository sitePolicies,
            RecordingRepository recordings) {
        return new RecordingRetention(retention, patients, sitePolicies, recordings);
    }

    @Bean
    public RegisterService patientRecordingsRegisterService(
            RegisterRepository registers, PatientDirectory patients, ClinicalNotes notes, AccessGuard guard) {
        return new RegisterService(registers, patients, notes, guard);
    }

    @Bean
    public SitePolicyService patientRecordingsSitePolicyService(
            SitePolicyRepository policies,
            SiteDirectory sites,
            RetentionScheduleRegistry schedules,
            AccessGuard guard) {
        return new SitePolicyService(policies, sites, schedules::jurisdictions, guard);
    }

    @Bean
    public RecordingService patientRecordingsRecordingService(
            RecordingRepository recordings,
            ConsentRepository consentRepository,
            SitePolicyRepository sitePolicies,
            SiteDirectory sites,
            RegisterRepository registers,
            PatientDirectory patients,
            EncounterDirectory encounters,
            ClinicalNotes notes,
            RecordingRetention retention,
            AccessGuard guard) {
        return new RecordingService(
                recordings,
                new StoredPatientConsents(consentRepository),
                sitePolicies,
                sites,
                new RegisterQueries(registers),
                patients,
                encounters,
                notes,
                retention,
                guard);
    }

    @Bean
    public ConsentService patientRecordingsConsentService(
            ConsentRepository consents,
            RecordingRepository recordings,
            RecordingService recordingService,
            SitePolicyRepository sitePolicies,
            PatientDirectory patients,
            ClinicalNotes notes,
            AccessGuard guard) {
        return new ConsentService(consents, recordings, recordingService, sitePolicies, patients, notes, guard);
    }

    @Bean
    public DisposalService patientRecordingsDisposalService(
            RecordingRepository recordings,
            RecordingService recordingService,
            RegisterRepository registers,
            UploadProgress uploads,
            ContentBackend content,
            Transactions transactions,
            AccessGuard guard) {
        ContentEraser eraser = key -> {
            try {
                content.delete(key);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot erase content " + key, e);
            }
        };
        return new DisposalService(recordings, recordingService, registers, uploads, eraser, transactions, guard);
    }

    @Bean
    public DisclosureService patientRecordingsDisclosureService(
            RecordingRepository recordings,
            RecordingService recordingService,
            ConsentRepository consents,
            RegisterRepository registers,
            AuditLog audit,
            AccessGuard guard) {
        return new DisclosureService(recordings, recordingService, consents, registers, audit, guard);
    }

    @Bean
    public HostPatientEvents patientRecordingsHostPatientEvents(
            RecordingRepository recordings,
            ConsentRepository consents,
            RegisterRepository registers,
            RecordingRetention retention,
            AuditLog audit,
            CurrentUser currentUser,
            Clock clock) {
        return new HostPatientEvents(recordings, consents, registers, retention, audit, currentUser, clock);
    }
}
