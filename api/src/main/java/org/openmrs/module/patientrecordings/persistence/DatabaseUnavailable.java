/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database that cannot be reached apart from every other failure: no connection could be had from the pool
 * in time, the connection broke, or the server is shutting down or not yet accepting connections. Such a request
 * changed nothing (its transaction could not commit) and may simply be tried again once the database is back, so
 * the endpoints answer it 503 rather than 500.
 */
public final class DatabaseUnavailable {

    /** What the endpoints say, in their own formats. */
    public static final String MESSAGE = "The database is unavailable, so the request changed nothing;"
            + " try again shortly. The server reconnects by itself once the database is back.";

    /** The seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * SQLSTATEs of a lost or refused connection beyond class 08: PostgreSQL's administrator shutdown, crash shutdown
     * and "cannot connect now" (starting or stopping).
     */
    private static final Set<String> UNREACHABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {}

    /** @return true when the failure, or one of its causes, is a database that could not be reached */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && unreachable(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean unreachable(String state) {
        return state != null && (state.startsWith("08") || UNREACHABLE_STATES.contains(state));
    }
}
