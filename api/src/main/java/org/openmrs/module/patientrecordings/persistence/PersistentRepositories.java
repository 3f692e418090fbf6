/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.consent.ConsentRepository;
import org.openmrs.module.patientrecordings.persistence.audit.JpaAuditLog;
import org.openmrs.module.patientrecordings.persistence.consent.JpaConsentRepository;
import org.openmrs.module.patientrecordings.persistence.recording.JpaRecordingRepository;
import org.openmrs.module.patientrecordings.persistence.recording.JpaUploadProgress;
import org.openmrs.module.patientrecordings.persistence.register.JpaRegisterRepository;
import org.openmrs.module.patientrecordings.persistence.retention.JpaRetentionScheduleRepository;
import org.openmrs.module.patientrecordings.persistence.site.JpaSitePolicyRepository;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.register.RegisterRepository;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRepository;
import org.openmrs.module.patientrecordings.site.SitePolicyRepository;

/**
 * Every store of the module over one database: what a composition root hands the services in place of the in-memory
 * stores. For example:
 *
 * <pre>{@code
 * PersistentRepositories stores = PersistentRepositories.open(settings);
 * RecordingService recordings = new RecordingService(stores.recordings(), stores.consents(), ...);
 * Started started = stores.database().inUnitOfWork(() -> recordings.start(command));
 * }</pre>
 *
 * <p>The repositories join the thread's unit of work ({@link Database#inUnitOfWork}); the audit log does not:
 * {@link JpaAuditLog#append} commits each entry in a transaction of its own, so that the record of an access,
 * refused ones included, stays when the operation it audits rolls back (SAF-2).
 */
public final class PersistentRepositories implements AutoCloseable {

    /** Every entity class of the module, for {@link Database#open}. */
    public static final List<Class<?>> ENTITIES = Stream.of(
                    JpaAuditLog.ENTITIES,
                    IdempotentCreator.ENTITIES,
                    JpaRecordingRepository.ENTITIES,
                    JpaConsentRepository.ENTITIES,
                    JpaSitePolicyRepository.ENTITIES,
                    JpaRegisterRepository.ENTITIES,
                    JpaRetentionScheduleRepository.ENTITIES,
                    JpaUploadProgress.ENTITIES)
            .flatMap(List::stream)
            .toList();

    private final Database database;
    private final JpaRecordingRepository recordings;
    private final JpaConsentRepository consents;
    private final JpaSitePolicyRepository sitePolicies;
    private final JpaRegisterRepository registers;
    private final JpaRetentionScheduleRepository retentionSchedules;
    private final JpaAuditLog auditLog;

    /** @param database opened with at least {@link #ENTITIES} */
    public PersistentRepositories(Database database) {
        this(database, Clock.systemUTC());
    }

    /**
     * @param database opened with at least {@link #ENTITIES}
     * @param clock the source of the recordings' last-change times
     */
    public PersistentRepositories(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.recordings = new JpaRecordingRepository(database, clock);
        this.consents = new JpaConsentRepository(database);
        this.sitePolicies = new JpaSitePolicyRepository(database);
        this.registers = new JpaRegisterRepository(database);
        this.retentionSchedules = new JpaRetentionScheduleRepository(database);
        this.auditLog = new JpaAuditLog(database);
    }

    /**
     * Opens the database (migrating its schema) with every entity of the module.
     *
     * @throws DatabaseStartException when it cannot be opened
     */
    public static PersistentRepositories open(DatabaseSettings settings) {
        return new PersistentRepositories(Database.open(settings, ENTITIES));
    }

    /** @return the database, for units of work ({@link Database#inUnitOfWork}) */
    public Database database() {
        return database;
    }

    public RecordingRepository recordings() {
        return recordings;
    }

    public ConsentRepository consents() {
        return consents;
    }

    public SitePolicyRepository sitePolicies() {
        return sitePolicies;
    }

    public RegisterRepository registers() {
        return registers;
    }

    /** @return the administered retention schedules (REC-2) */
    public RetentionScheduleRepository retentionSchedules() {
        return retentionSchedules;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    /** Closes the database. */
    @Override
    public void close() {
        database.close();
    }
}
