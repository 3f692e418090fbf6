/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.service;

import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.audit.InMemoryAuditLog;
import org.openmrs.module.patientrecordings.consent.ConsentRepository;
import org.openmrs.module.patientrecordings.consent.InMemoryConsentRepository;
import org.openmrs.module.patientrecordings.recording.InMemoryRecordingRepository;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.register.InMemoryRegisterRepository;
import org.openmrs.module.patientrecordings.register.RegisterRepository;
import org.openmrs.module.patientrecordings.site.InMemorySitePolicyRepository;
import org.openmrs.module.patientrecordings.site.SitePolicyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the module's own records are kept inside OpenMRS. These are the in-memory stores of the core, which lose
 * everything on restart: they stand in until the JPA repositories are mapped by OpenMRS' Hibernate session factory,
 * and the module says so loudly at start. Replace these beans, and only these, to persist.
 */
@Configuration(proxyBeanMethods = false)
public class InterimStoresConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(InterimStoresConfiguration.class);

    @Bean
    public RecordingRepository patientRecordingsRecordingRepository() {
        LOG.warn("Patient Recordings keeps recordings, consents, registers, policies and the audit trail in memory:"
                + " they are lost when OpenMRS stops. Do not use this build for patient care.");
        return new InMemoryRecordingRepository();
    }

    @Bean
    public ConsentRepository patientRecordingsConsentRepository() {
        return new InMemoryConsentRepository();
    }

    @Bean
    public RegisterRepository patientRecordingsRegisterRepository() {
        return new InMemoryRegisterRepository();
    }

    @Bean
    public SitePolicyRepository patientRecordingsSitePolicyRepository() {
        return new InMemorySitePolicyRepository();
    }

    @Bean
    public AuditLog patientRecordingsAuditLog() {
        return new InMemoryAuditLog();
    }
}
