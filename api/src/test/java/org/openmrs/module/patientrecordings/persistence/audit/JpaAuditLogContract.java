/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.audit.AuditChainHead;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.audit.AuditLogContract;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.TestDatabase;
import org.opentest4j.TestAbortedException;

/**
 * The audit log contract (SAF-2) against {@link JpaAuditLog} on a real database of its own, tampered with through
 * plain JDBC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaAuditLogContract extends AuditLogContract {

    private TestDatabase testDatabase;
    private Database database;
    private String skipped;

    abstract DatabaseEngine engine();

    /** An unreachable server skips each test with the reason, rather than the class silently. */
    @BeforeAll
    void createDatabase() {
        try {
            testDatabase = TestDatabase.create(engine());
        } catch (TestAbortedException e) {
            skipped = e.getMessage();
            return;
        }
        database = testDatabase.open(JpaAuditLog.ENTITIES);
    }

    @AfterAll
    void dropDatabase() {
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    @Override
    protected AuditLog emptyLog() {
        Assumptions.assumeTrue(skipped == null, () -> skipped);
        update("DELETE FROM patientrecordings_audit_entry");
        update("UPDATE patientrecordings_audit_head SET last_seq_no = 0, last_hash = '" + AuditChainHead.GENESIS_HASH
                + "'");
        return new JpaAuditLog(database);
    }

    @Override
    protected void alterStoredDetail(long sequence, String detail) {
        update("UPDATE patientrecordings_audit_entry SET detail = ? WHERE seq_no = ?", detail, sequence);
    }

    @Override
    protected void deleteStoredEntry(long sequence) {
        update("DELETE FROM patientrecordings_audit_entry WHERE seq_no = ?", sequence);
    }

    @Override
    protected void swapStoredEntries(long first, long second) {
        update("UPDATE patientrecordings_audit_entry SET seq_no = ? WHERE seq_no = ?", -1L, first);
        update("UPDATE patientrecordings_audit_entry SET seq_no = ? WHERE seq_no = ?", first, second);
        update("UPDATE patientrecordings_audit_entry SET seq_no = ? WHERE seq_no = ?", second, -1L);
    }

    @Override
    protected void insertStoredEntry(StoredAuditEntry forged) {
        AuditEntry entry = forged.entry();
        update(
                "INSERT INTO patientrecordings_audit_entry (seq_no, occurred_at, user_id, patient_id, recording_id,"
                        + " audit_action, purpose, outcome, outcome_codes, detail, previous_hash, entry_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                forged.sequence(),
                LocalDateTime.ofInstant(entry.at(), ZoneOffset.UTC),
                entry.user().value(),
                entry.patient() == null ? null : entry.patient().value(),
                entry.recording() == null ? null : entry.recording().value(),
                entry.action().name(),
                entry.purpose() == null ? null : entry.purpose().code(),
                entry.outcome().result().name(),
                entry.outcome().codes().isEmpty()
                        ? null
                        : entry.outcome().codes().stream().map(ErrorCode::code).collect(Collectors.joining(",")),
                entry.detail().isEmpty() ? null : entry.detail(),
                forged.previousHash(),
                forged.hash());
    }

    @Override
    protected void shiftStoredEntries(long first, long last) {
        // From the last down, so that no two rows ever share a sequence number.
        for (long sequence = last; sequence >= first; sequence--) {
            update("UPDATE patientrecordings_audit_entry SET seq_no = ? WHERE seq_no = ?", sequence + 1, sequence);
        }
    }

    @Override
    protected void overwriteStoredHead(AuditChainHead head) {
        update("UPDATE patientrecordings_audit_head SET last_seq_no = ?, last_hash = ?", head.sequence(), head.hash());
    }

    @Override
    protected AuditLog unwritableLog() {
        Database closed = Database.open(testDatabase.settings(), JpaAuditLog.ENTITIES);
        closed.close();
        return new JpaAuditLog(closed);
    }

    /** A log over the same database whose every transaction refuses to persist a matching entry's row. */
    @Override
    protected AuditLog refusing(Predicate<AuditEntry> matching) {
        return new JpaAuditLog(new RefusingTransactions(database, matching));
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tampering failed: " + sql, e);
        }
    }
}
