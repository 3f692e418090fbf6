/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.service;

import java.time.Clock;
import java.util.List;
import org.hibernate.SessionFactory;
import org.openmrs.api.StorageService;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.hosting.NoteConcept;
import org.openmrs.module.patientrecordings.openmrs.port.OpenmrsClinicalNotes;
import org.openmrs.module.patientrecordings.openmrs.port.OpenmrsConceptDictionary;
import org.openmrs.module.patientrecordings.openmrs.port.OpenmrsCurrentUser;
import org.openmrs.module.patientrecordings.openmrs.port.OpenmrsEncounterDirectory;
import org.openmrs.module.patientrecordings.openmrs.port.OpenmrsHostRecords;
import org.openmrs.module.patientrecordings.openmrs.port.OpenmrsPatientDirectory;
import org.openmrs.module.patientrecordings.openmrs.port.OpenmrsSettings;
import org.openmrs.module.patientrecordings.openmrs.port.OpenmrsSiteDirectory;
import org.openmrs.module.patientrecordings.openmrs.port.StorageServiceContentBackend;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.port.CurrentUser;
import org.openmrs.module.patientrecordings.port.EncounterDirectory;
import org.openmrs.module.patientrecordings.port.PatientDirectory;
import org.openmrs.module.patientrecordings.port.SiteDirectory;
import org.openmrs.module.patientrecordings.settings.Setting;
import org.openmrs.module.patientrecordings.settings.Settings;
import org.openmrs.module.patientrecordings.web.fhir.host.HostRecords;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The host ports, implemented over OpenMRS. */
@Configuration(proxyBeanMethods = false)
public class HostPortsConfiguration {

    @Bean
    public Clock patientRecordingsClock() {
        return Clock.systemUTC();
    }

    @Bean
    public Settings patientRecordingsSettings() {
        return new OpenmrsSettings();
    }

    @Bean
    public PatientDirectory patientRecordingsPatientDirectory() {
        return new OpenmrsPatientDirectory();
    }

    @Bean
    public EncounterDirectory patientRecordingsEncounterDirectory() {
        return new OpenmrsEncounterDirectory();
    }

    @Bean
    public SiteDirectory patientRecordingsSiteDirectory() {
        return new OpenmrsSiteDirectory();
    }

    /** The note concept (CON-8, REC-3): made by the activator at start where the dictionary has none. */
    @Bean
    public NoteConcept patientRecordingsNoteConcept(Settings settings) {
        return new NoteConcept(new OpenmrsConceptDictionary(), () -> settings.get(Setting.NOTE_CONCEPT_UUID));
    }

    @Bean
    public ClinicalNotes patientRecordingsClinicalNotes(NoteConcept noteConcept) {
        return new OpenmrsClinicalNotes(noteConcept);
    }

    @Bean
    public CurrentUser patientRecordingsCurrentUser() {
        return new OpenmrsCurrentUser();
    }

    /** OpenMRS' own patients, encounters and locations for the FHIR endpoint, read as the acting user. */
    @Bean
    public HostRecords patientRecordingsHostRecords(@Qualifier("sessionFactory") SessionFactory sessionFactory) {
        return new OpenmrsHostRecords(sessionFactory);
    }

    /** Content goes to the host's storage service, local or S3 as the host configured it. */
    @Bean
    public ContentBackend patientRecordingsContentBackend(Settings settings, Clock clock) {
        return new StorageServiceContentBackend(
                HostPortsConfiguration::storageService, () -> settings.get(Setting.STORAGE_GROUP), clock);
    }

    /** {@code Context.getService} does not know the storage service; it is a registered component. */
    private static StorageService storageService() {
        List<StorageService> services = Context.getRegisteredComponents(StorageService.class);
        if (services.isEmpty()) {
            throw new IllegalStateException("OpenMRS has no StorageService");
        }
        return services.get(0);
    }
}
