/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web;

import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openmrs.module.patientrecordings.persistence.ConnectionBudget;

/**
 * Admits at most {@link ConnectionBudget#unitsOfWork()} units of work at once and queues the others, first come first
 * served, until one ends: a request that would otherwise take a connection and then wait for the extra ones its audit
 * entries and conditional create need waits here instead, holding nothing. With the database pool sized by the same
 * budget ({@link ConnectionBudget#poolSize()}) the admitted ones can always get every connection they need, so no
 * request fails on the pool's connection timeout however many arrive at once.
 *
 * <p>A thread already admitted is admitted again at once, without a second place: its nested unit of work is counted
 * in the connections per thread, not as another thread.
 */
public final class UnitOfWorkGate {

    private final int admitted;
    private final Semaphore places;
    private final ThreadLocal<Boolean> inside = new ThreadLocal<>();

    /** @param budget whose units of work are admitted at once */
    public UnitOfWorkGate(ConnectionBudget budget) {
        this.admitted = Objects.requireNonNull(budget, "budget").unitsOfWork();
        this.places = new Semaphore(admitted, true);
    }

    /** @return how many units of work are admitted at once */
    public int admitted() {
        return admitted;
    }

    /**
     * Waits for a place, for as long as it takes; closing the admission gives the place back.
     *
     * @throws InterruptedException when the thread is interrupted while it waits (the server stops); it holds no
     *     place then
     */
    public Admission admit() throws InterruptedException {
        if (inside.get() != null) {
            return () -> {};
        }
        places.acquire();
        inside.set(Boolean.TRUE);
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                inside.remove();
                places.release();
            }
        };
    }

    /** A place in the gate, held until closed (on the thread that was admitted); closing again does nothing. */
    @FunctionalInterface
    public interface Admission extends AutoCloseable {
        @Override
        void close();
    }
}
