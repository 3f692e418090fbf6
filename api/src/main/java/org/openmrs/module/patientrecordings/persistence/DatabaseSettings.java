/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import java.util.Objects;

/**
 * Where the database is and how to log in.
 *
 * @param jdbcUrl the JDBC URL, for example {@code jdbc:postgresql://db:5432/recordings}; never null
 * @param user the user name, or null where the URL carries it
 * @param password the password, or null; never shown by {@link #toString()}
 * @param maximumPoolSize the connections the pool opens at start and keeps, at least 2 (one transaction may need a second
 *     connection to look up what a failed insert collided with); {@link ConnectionBudget#poolSize()} gives the size
 *     at which a given number of concurrent units of work can never wait on each other for a connection
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maximumPoolSize) {

    public static final int DEFAULT_POOL_SIZE = 10;

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("a JDBC URL starts with jdbc:");
        }
        if (maximumPoolSize < 2) {
            throw new IllegalArgumentException("the pool needs at least 2 connections");
        }
    }

    public static DatabaseSettings of(String jdbcUrl, String user, String password) {
        return new DatabaseSettings(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    public DatabaseSettings withMaximumPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, user, password, size);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", user " + user + "]";
    }
}
