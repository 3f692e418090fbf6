/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openmrs.module.patientrecordings.hosting.UnavailableAnswer;
import org.openmrs.module.patientrecordings.persistence.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first filter of every API request: when the database cannot be reached before an endpoint could answer (the
 * sign-in's user look-up, the unit of work's first connection or its commit), the client gets 503 with {@code
 * Retry-After} in the endpoint's own error format, an OperationOutcome under {@code /fhir}, the administration API's
 * issues elsewhere, rather than 500. Nothing was written: the request's transaction never committed. The pool
 * reconnects by itself once the database is back; no restart is needed. Any other failure passes on unchanged.
 */
final class DatabaseOutageFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            HttpServletRequest http = (HttpServletRequest) request;
            LOG.warn(
                    "event=database_unavailable request=\"{} {}\" cause=\"{}\"",
                    http.getMethod(),
                    http.getRequestURI(),
                    e.getMessage());
            (http.getRequestURI().startsWith("/fhir") ? UnavailableAnswer.FHIR : UnavailableAnswer.ADMIN)
                    .writeDatabaseUnavailable((HttpServletResponse) response);
        }
    }
}
