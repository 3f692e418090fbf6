/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.audit.AuditChainWatch;
import org.openmrs.module.patientrecordings.audit.ChainVerification;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the database for a valid connection and the content backend whether a key exists; a part that throws is
 * down. Each call probes afresh. The audit chain (SAF-2) is looked at through an {@link AuditChainWatch}: each call
 * checks the entries appended since the last intact result, so a probe costs what was audited since the previous
 * one, not the size of the log; a change to an older entry shows from the next full check, which runs on a
 * schedule.
 */
public final class HealthProbe implements Supplier<Health> {

    private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);
    private static final String PROBE_KEY = "health/probe";

    private final Database database;
    private final ContentBackend content;
    private final AuditChainWatch auditChain;
    private final String version;

    public HealthProbe(Database database, ContentBackend content, AuditChainWatch auditChain, String version) {
        this.database = Objects.requireNonNull(database, "database");
        this.content = Objects.requireNonNull(content, "content");
        this.auditChain = Objects.requireNonNull(auditChain, "auditChain");
        this.version = Objects.requireNonNull(version, "version");
    }

    @Override
    public Health get() {
        boolean databaseOk = databaseAnswers();
        return new Health(databaseOk, storeAnswers(), databaseOk ? auditChainState() : null, version);
    }

    private ChainVerification auditChainState() {
        try {
            ChainVerification state = auditChain.current();
            if (state instanceof ChainVerification.Broken broken) {
                LOG.error("event=audit_chain_broken sequence={} kind={}", broken.sequence(), broken.kind());
            }
            return state;
        } catch (RuntimeException e) {
            LOG.warn(
                    "event=health_audit_chain_unchecked reason={}", e.getClass().getSimpleName());
            return null;
        }
    }

    private boolean databaseAnswers() {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("event=health_database_down reason={}", e.getClass().getSimpleName());
            return false;
        }
    }

    private boolean storeAnswers() {
        try {
            content.exists(PROBE_KEY);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=health_store_down reason={}", e.getClass().getSimpleName());
            return false;
        }
    }
}
