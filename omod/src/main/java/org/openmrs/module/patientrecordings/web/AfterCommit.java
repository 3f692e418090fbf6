/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web;

import jakarta.servlet.ServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a request leaves for after its changes are committed, such as removing stored objects that the committed
 * rows no longer reference: done before the commit, a rollback would leave rows pointing at nothing. Inside a {@link
 * UnitOfWorkFilter} the work runs once the request's unit of work has committed, and never when it rolls back (an
 * error status or an exception). Without one every repository call has already committed on its own, so the work runs
 * at once. Work that fails is logged and dropped: it may only tidy up what a sweeper would otherwise remove later.
 */
public final class AfterCommit {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);
    private static final String ATTRIBUTE = AfterCommit.class.getName();

    private AfterCommit() {}

    /**
     * Runs {@code work} once the request's changes are committed (at once when the request has no unit of work).
     *
     * @param request the request whose unit of work must commit first
     * @param work best-effort: a failure is logged, never thrown
     */
    public static void run(ServletRequest request, Runnable work) {
        Objects.requireNonNull(work, "work");
        if (request.getAttribute(ATTRIBUTE) instanceof Pending pending) {
            pending.add(work);
        } else {
            runLogged(work);
        }
    }

    /** Marks the request as running in a unit of work whose commit the work waits for. */
    static Pending open(ServletRequest request) {
        Pending pending = new Pending();
        request.setAttribute(ATTRIBUTE, pending);
        return pending;
    }

    private static void runLogged(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("event=after_commit_failed cause={}", e.toString());
        }
    }

    /** The work one request's unit of work holds back until it commits. */
    static final class Pending {
        private final List<Runnable> work = new ArrayList<>();

        private synchronized void add(Runnable next) {
            work.add(next);
        }

        /** The unit of work committed: runs the work in the order it came. */
        void committed() {
            List<Runnable> due;
            synchronized (this) {
                due = List.copyOf(work);
                work.clear();
            }
            due.forEach(AfterCommit::runLogged);
        }

        /** The unit of work rolled back: the work is dropped. */
        synchronized void rolledBack() {
            work.clear();
        }
    }
}
