/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.service;

import org.hibernate.SessionFactory;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.consent.ConsentRepository;
import org.openmrs.module.patientrecordings.ingest.DatabaseContentReferences;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.persistence.audit.JpaAuditLog;
import org.openmrs.module.patientrecordings.persistence.consent.JpaConsentRepository;
import org.openmrs.module.patientrecordings.persistence.recording.JpaRecordingRepository;
import org.openmrs.module.patientrecordings.persistence.recording.JpaUploadProgress;
import org.openmrs.module.patientrecordings.persistence.register.JpaRegisterRepository;
import org.openmrs.module.patientrecordings.persistence.retention.JpaRetentionScheduleRepository;
import org.openmrs.module.patientrecordings.persistence.site.JpaSitePolicyRepository;
import org.openmrs.module.patientrecordings.persistence.spring.SpringTransactions;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.recording.UploadProgress;
import org.openmrs.module.patientrecordings.register.RegisterRepository;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRepository;
import org.openmrs.module.patientrecordings.site.SitePolicyRepository;
import org.openmrs.module.patientrecordings.storage.ContentReferences;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Where the module's records are kept inside OpenMRS: in OpenMRS' own database, through OpenMRS' own Hibernate
 * session factory and Spring transaction manager (core's {@code sessionFactory} and {@code transactionManager}
 * beans). The entities live under {@code org.openmrs.module.patientrecordings.persistence}, inside the
 * {@code org.openmrs} packages that core's session factory maps, so no {@code packagesWithMappedClasses} is needed;
 * their tables come from the module's {@code liquibase.xml}, the changelog the standalone server runs too.
 *
 * <p>Recordings, consents, registers, site policies, administered retention schedules, the audit trail,
 * idempotency keys, the committed chunks of uploads in progress and the content references of the sweeper are all in
 * the database.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    /** The module's transactions, run by OpenMRS' transaction manager on OpenMRS' Hibernate sessions. */
    @Bean
    public Transactions patientRecordingsTransactions(
            @Qualifier("transactionManager") PlatformTransactionManager transactionManager,
            @Qualifier("sessionFactory") SessionFactory sessionFactory) {
        return new SpringTransactions(transactionManager, sessionFactory);
    }

    @Bean
    public RecordingRepository patientRecordingsRecordingRepository(Transactions transactions) {
        return new JpaRecordingRepository(transactions);
    }

    @Bean
    public ConsentRepository patientRecordingsConsentRepository(Transactions transactions) {
        return new JpaConsentRepository(transactions);
    }

    @Bean
    public RegisterRepository patientRecordingsRegisterRepository(Transactions transactions) {
        return new JpaRegisterRepository(transactions);
    }

    @Bean
    public SitePolicyRepository patientRecordingsSitePolicyRepository(Transactions transactions) {
        return new JpaSitePolicyRepository(transactions);
    }

    /** The audit trail (SAF-2): every entry commits in a transaction of its own. */
    @Bean
    public AuditLog patientRecordingsAuditLog(Transactions transactions) {
        return new JpaAuditLog(transactions);
    }

    /** What the content sweeper asks before it removes stored content: is a committed recording using it? */
    @Bean
    public ContentReferences patientRecordingsContentReferences(Transactions transactions) {
        return new DatabaseContentReferences(transactions);
    }

    /** The committed chunks of uploads in progress, so that an upload continues on any instance and after a restart. */
    @Bean
    public UploadProgress patientRecordingsUploadProgress(Transactions transactions) {
        return new JpaUploadProgress(transactions);
    }

    /** Retention schedules administered per jurisdiction and record class (REC-2), one row per version. */
    @Bean
    public RetentionScheduleRepository patientRecordingsRetentionScheduleRepository(Transactions transactions) {
        return new JpaRetentionScheduleRepository(transactions);
    }
}
