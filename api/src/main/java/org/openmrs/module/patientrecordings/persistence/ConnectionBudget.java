/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

/**
 * How many pooled connections a {@link Database} needs so that its threads can never wait on each other for one.
 *
 * <p><b>Why threads need more than one connection.</b> A thread holds a connection for each transaction it has open,
 * and some transactions open another inside them on purpose: a request's unit of work holds one, an audit entry
 * commits in a transaction of its own before data leaves (SAF-2) and a host look-up reads in its own, and a
 * conditional create's creating transaction is itself one more, inside which audit entries and host look-ups open
 * their own. So a thread holds at most {@value #CONNECTIONS_PER_THREAD} connections at once; {@link Database}
 * refuses a deeper nesting rather than let the arithmetic below silently stop holding.
 *
 * <p><b>Why this pool size cannot deadlock.</b> A thread that waits for a connection holds at most
 * {@value #CONNECTIONS_PER_THREAD}{@code  - 1}. With {@code threads} such threads and a pool of {@code threads
 * x (CONNECTIONS_PER_THREAD - 1) + 1} connections, at most all but one connection are held by waiting threads, so
 * one is always free for a waiter, which then either finishes its innermost transaction (and gives the connection
 * back) or holds one more and asks again, never more than the maximum. Every wait for a connection therefore ends
 * without any timeout, however the threads interleave, provided every connection of the pool is open: {@link
 * Database} keeps a fixed-size pool, since a pool that opens connections on demand can leave a waiter unserved. A thread at the deepest level waits for nothing but the audit
 * chain's head row, whose holder (an audit entry's own short transaction) waits for nothing. Threads that hold one
 * connection and wait for no other (the authentication look-up, the health probe) need no share: they always give
 * theirs back.
 *
 * <p>The threads counted are those admitted at once to a unit of work (the request gate of {@code
 * UnitOfWorkFilter}) plus the background threads that may nest transactions (the standalone server's sweeps). The
 * alternative, a separate small pool for audit entries, would break only the cycle through the audit log: the
 * creating transaction of a conditional create and the host look-ups still need a second connection of the main
 * pool while the unit of work holds its first, and inside OpenMRS the host's transaction manager has one data source.
 *
 * @param unitsOfWork the units of work admitted at once, at least 1
 * @param backgroundThreads other threads that may hold nested transactions, at least 0
 */
public record ConnectionBudget(int unitsOfWork, int backgroundThreads) {

    /** The most transactions, and so connections, one thread holds at once: unit of work, creation, audit entry. */
    public static final int CONNECTIONS_PER_THREAD = 3;

    /** The most units of work a budget admits, so that the pool size stays a sensible number. */
    public static final int MAX_UNITS_OF_WORK = 1000;

    public ConnectionBudget {
        if (unitsOfWork < 1 || unitsOfWork > MAX_UNITS_OF_WORK) {
            throw new IllegalArgumentException(
                    "the units of work admitted at once must be 1 to " + MAX_UNITS_OF_WORK + ", not " + unitsOfWork);
        }
        if (backgroundThreads < 0 || backgroundThreads > MAX_UNITS_OF_WORK) {
            throw new IllegalArgumentException(
                    "the background threads must be 0 to " + MAX_UNITS_OF_WORK + ", not " + backgroundThreads);
        }
    }

    /** @return the pool size that lets every admitted thread finish: threads x (connections per thread - 1) + 1 */
    public int poolSize() {
        return (unitsOfWork + backgroundThreads) * (CONNECTIONS_PER_THREAD - 1) + 1;
    }
}
