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
import org.openmrs.module.patientrecordings.persistence.Transactions;

/**
 * One request, one transaction: every change a request makes commits together, or none does (SAF-4: nothing
 * half-written). A request that ends in an error status is rolled back even when the servlet turned the failure
 * into a response itself, as HAPI does with an {@code OperationOutcome}. The audit log commits on its own, so a
 * refused request is still recorded (SAF-2, SAF-3). Both hosts put it in front of the FHIR endpoint and the
 * administration API: standalone as a servlet filter, OpenMRS around its module servlets.
 */
public final class UnitOfWorkFilter implements Filter {

    private final Transactions database;

    /** @param database whose units of work the requests run in */
    public UnitOfWorkFilter(Transactions database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            database.runInUnitOfWork(() -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new WrappedServletException(e);
                }
                if (response instanceof HttpServletResponse http && http.getStatus() >= 400) {
                    throw new ErrorResponse();
                }
            });
        } catch (ErrorResponse answered) {
            // The response is written; only the transaction had to go.
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (WrappedServletException e) {
            throw e.servletException;
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
