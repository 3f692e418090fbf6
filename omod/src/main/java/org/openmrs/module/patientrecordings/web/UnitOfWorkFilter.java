/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.openmrs.module.patientrecordings.persistence.ConnectionBudget;
import org.openmrs.module.patientrecordings.persistence.Transactions;

/**
 * One request, one transaction: every change a request makes commits together, or none does (SAF-4: nothing
 * half-written). A request that ends in an error status is rolled back even when the servlet turned the failure
 * into a response itself, as HAPI does with an {@code OperationOutcome}. The audit log commits on its own, so a
 * refused request is still recorded (SAF-2, SAF-3). The answer leaves only after the unit of work has ended
 * ({@link AnswerAfterCommit}): a client told {@code 201} can read what it created. Both hosts put it in front of the
 * FHIR endpoint and the administration API: standalone as a servlet filter, OpenMRS around its module servlets.
 *
 * <p><b>Connections, and why requests queue at a gate.</b> The unit of work holds a pooled connection for the whole
 * request, and the request needs more while it holds it: every audit entry commits in a transaction of its own before
 * data leaves (SAF-2, so that a refused or rolled-back access is still recorded), host look-ups read in their own, and
 * a conditional create's creating transaction is one more, inside which audit entries open theirs (three at most,
 * {@link ConnectionBudget}). Unchecked, enough concurrent requests each take one connection and all wait for a
 * second: the pool is empty, nobody finishes, and after the pool's connection timeout the requests fail. So when
 * given a {@link UnitOfWorkGate}, the filter admits only as many units of work at once as the pool can serve with
 * all their extra connections ({@code pool >= admitted x (3 - 1) + 1 + the background threads' share}, both numbers
 * from one {@link ConnectionBudget}) and the rest wait at the gate, holding no connection, until a place is free:
 * deadlock-free by construction, and queued rather than failed. The conditional-create turn of {@code
 * DatabaseConditionalCreates} is taken by admitted requests only, and the turn holder's extra connections are within
 * the budget, so the turn cannot close a cycle either.
 *
 * <p>Work a request leaves for after its commit ({@link AfterCommit}, such as removing stored objects that the
 * committed rows no longer refer to) runs once the unit of work has committed, and is dropped when it rolls back.
 *
 * <p>Weighed and not chosen: a separate small pool for audit entries breaks only the cycle through the audit log; a
 * creating transaction and a host look-up still need a second connection of the main pool while the unit of work
 * holds its first, and inside OpenMRS the host's transaction manager has only its own data source. Taking the
 * conditional-create turn before the unit of work's connection would need the filter to know which requests create.
 *
 * <p><b>Long requests.</b> A {@code Binary} download or a content upload streams inside its unit of work, so it holds
 * its place and its connection for as long as the bytes flow, possibly minutes. So the filter tells transfers from
 * other requests by the request line and headers alone ({@link Transfers}), before the unit of work starts, and the
 * gate lets transfers hold only {@code admitted - reserved} places: however many slow transfers are in progress, the
 * reserved places stay for reads of a Media, searches and consent captures, which are admitted at once when no other
 * such request holds them. Transfers beyond their share wait at the gate, first come first served, holding nothing,
 * and none fails for want of a place or a connection. The number admitted, and so the pool, is unchanged: a site
 * expecting many concurrent transfers raises it, and the pool grows with it.
 *
 * <p><b>Inside OpenMRS</b> the filter runs without a gate: the pool is the host's, sized by the host's runtime
 * properties and shared with the host's own requests and modules, which the module can neither see nor hold back, so
 * a gate of its own could not make the arithmetic hold. There the host's pool must have room for the module's
 * concurrent requests with up to two extra connections each (three at most per request, as above).
 */
public final class UnitOfWorkFilter implements Filter {

    private final Transactions database;
    private final UnitOfWorkGate gate;

    /**
     * Without a gate: every request starts its unit of work at once (inside OpenMRS, whose pool is the host's).
     *
     * @param database whose units of work the requests run in
     */
    public UnitOfWorkFilter(Transactions database) {
        this.database = Objects.requireNonNull(database, "database");
        this.gate = null;
    }

    /**
     * @param database whose units of work the requests run in
     * @param gate which admits the units of work; the database's pool is sized by the same {@link ConnectionBudget}
     */
    public UnitOfWorkFilter(Transactions database, UnitOfWorkGate gate) {
        this.database = Objects.requireNonNull(database, "database");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (gate == null) {
            runInUnitOfWork(request, response, chain);
            return;
        }
        UnitOfWorkGate.Admission admission;
        try {
            admission = gate.admit(Transfers.isTransfer(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while waiting for a place to run the request", e);
        }
        try (admission) {
            runInUnitOfWork(request, response, chain);
        }
    }

    private void runInUnitOfWork(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        AfterCommit.Pending afterCommit = AfterCommit.open(request);
        AnswerAfterCommit held = response instanceof HttpServletResponse http ? new AnswerAfterCommit(http) : null;
        ServletResponse answer = held != null ? held : response;
        boolean committed = false;
        boolean answered = false;
        try {
            database.runInUnitOfWork(() -> {
                try {
                    chain.doFilter(request, answer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new WrappedServletException(e);
                }
                if (response instanceof HttpServletResponse http && http.getStatus() >= 400) {
                    throw new ErrorResponse();
                }
            });
            committed = true;
            answered = true;
        } catch (ErrorResponse error) {
            // The response is written; only the transaction had to go.
            answered = true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (WrappedServletException e) {
            throw e.servletException;
        } finally {
            if (committed) {
                afterCommit.committed();
            } else {
                afterCommit.rolledBack();
            }
        }
        // Only now does the answer leave; after a failure the container answers instead.
        if (answered && held != null) {
            held.release();
        }
    }

    /** Rolls the unit of work back after an error response. */
    private static final class ErrorResponse extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ErrorResponse() {
            super(null, null, false, false);
        }
    }

    private static final class WrappedServletException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ServletException servletException;

        WrappedServletException(ServletException e) {
            super(e);
            this.servletException = e;
        }
    }
}
