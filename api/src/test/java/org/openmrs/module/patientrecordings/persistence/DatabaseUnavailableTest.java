/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void anEmptyPoolABrokenConnectionAndAnUnreachableServerAreUnavailableHoweverWrapped() {
        assertThat(DatabaseUnavailable.causedBy(new SQLTransientConnectionException("pool: request timed out")))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(
                        new PersistenceException(new SQLNonTransientConnectionException("socket closed"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException(
                        new JDBCConnectionException("could not prepare", new SQLException("gone")))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("I/O error", "08006"))))
                .as("PostgreSQL: connection failure")
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("terminating connection", "57P01")))
                .as("PostgreSQL: administrator shutdown")
                .isTrue();
    }

    @Test
    void otherDatabaseFailuresAndPlainBugsAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new SQLIntegrityConstraintViolationException("duplicate", "23000")))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new PersistenceException(new SQLException("syntax", "42601"))))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new NullPointerException())).isFalse();
        assertThat(DatabaseUnavailable.causedBy(null)).isFalse();
    }
}
