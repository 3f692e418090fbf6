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
 * <p><b>Transfers never take every place.</b> A content transfer (a download or upload that streams for as long as
 * its client reads or sends, {@link Transfers}) holds its place for all that time. Transfers together hold at most
 * {@code admitted - reserved} places; the {@link #reserved()} others are kept for every other request, so that
 * reading a Media, a search or a consent capture is admitted at once however many transfers are in progress. A
 * transfer first takes one of the transfer places and only then waits for a place, both queues first come first
 * served: beyond its share it waits, holding no place and no connection, and is admitted when a transfer ends, never
 * refused. The number of places, and so the pool arithmetic of {@link ConnectionBudget}, is unchanged: the transfer
 * places only limit who may take a place, and as they are always taken before a place and never the other way round,
 * no two waits can close a cycle.
 *
 * <p>A thread already admitted is admitted again at once, without a second place: its nested unit of work is counted
 * in the connections per thread, not as another thread.
 */
public final class UnitOfWorkGate {

    private final int admitted;
    private final int reserved;
    private final Semaphore places;
    private final Semaphore transferPlaces;
    private final ThreadLocal<Boolean> inside = new ThreadLocal<>();

    /**
     * With the default reservation, {@link #reservedByDefault(int)}.
     *
     * @param budget whose units of work are admitted at once
     */
    public UnitOfWorkGate(ConnectionBudget budget) {
        this(budget, reservedByDefault(Objects.requireNonNull(budget, "budget").unitsOfWork()));
    }

    /**
     * @param budget whose units of work are admitted at once
     * @param reserved the places transfers may not take, 0 to {@code admitted - 1} (a transfer must be able to run)
     */
    public UnitOfWorkGate(ConnectionBudget budget, int reserved) {
        this.admitted = Objects.requireNonNull(budget, "budget").unitsOfWork();
        if (reserved < 0 || reserved >= admitted) {
            throw new IllegalArgumentException("the places reserved for requests that are not transfers must be 0 to "
                    + (admitted - 1) + " of " + admitted + ", not " + reserved);
        }
        this.reserved = reserved;
        this.places = new Semaphore(admitted, true);
        this.transferPlaces = new Semaphore(admitted - reserved, true);
    }

    /**
     * The places kept for requests that are not transfers when nothing else is said: a quarter of those admitted,
     * rounded up, so at least one; none when only one is admitted, as a transfer must still be able to run.
     *
     * @param admitted the units of work admitted at once, at least 1
     */
    public static int reservedByDefault(int admitted) {
        if (admitted < 1) {
            throw new IllegalArgumentException("at least one unit of work is admitted, not " + admitted);
        }
        return Math.min(admitted - 1, (admitted + 3) / 4);
    }

    /** @return how many units of work are admitted at once */
    public int admitted() {
        return admitted;
    }

    /** @return how many of the places transfers may not take */
    public int reserved() {
        return reserved;
    }

    /** Waits for a place for a request that is not a transfer; see {@link #admit(boolean)}. */
    public Admission admit() throws InterruptedException {
        return admit(false);
    }

    /**
     * Waits for a place, for as long as it takes; closing the admission gives the place back. A transfer first waits
     * for one of the transfer places, then for a place.
     *
     * @param transfer whether the request is a content transfer ({@link Transfers})
     * @throws InterruptedException when the thread is interrupted while it waits (the server stops); it holds no
     *     place then, nor a transfer place
     */
    public Admission admit(boolean transfer) throws InterruptedException {
        if (inside.get() != null) {
            return () -> {};
        }
        if (transfer) {
            transferPlaces.acquire();
        }
        try {
            places.acquire();
        } catch (InterruptedException e) {
            if (transfer) {
                transferPlaces.release();
            }
            throw e;
        }
        inside.set(Boolean.TRUE);
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                inside.remove();
                places.release();
                if (transfer) {
                    transferPlaces.release();
                }
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
