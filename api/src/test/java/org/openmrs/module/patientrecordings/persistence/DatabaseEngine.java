/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

/** The databases the module supports, each tested for real. */
public enum DatabaseEngine {
    /** In memory, always available: the embedded default. */
    H2("H2"),
    /** A running server at 127.0.0.1:5432, trust authentication, database {@code test}. */
    POSTGRESQL("PostgreSQL"),
    /** A running server at 127.0.0.1:3306, user root without password, database {@code test}. */
    MARIADB("MariaDB");

    private final String server;

    DatabaseEngine(String server) {
        this.server = server;
    }

    /** @return the product name */
    public String server() {
        return server;
    }
}
