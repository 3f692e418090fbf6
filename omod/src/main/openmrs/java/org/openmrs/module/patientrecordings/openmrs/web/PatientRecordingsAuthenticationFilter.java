/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.openmrs.api.context.Context;
import org.openmrs.api.context.ContextAuthenticationException;
import org.openmrs.api.context.UsernamePasswordCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module filter on {@value ModulePaths#PUBLIC_PREFIX}{@code /*}, in front of the FHIR endpoint and the
 * administration API. OpenMRS enforces nothing there and ignores HTTP Basic, so this filter authenticates Basic
 * credentials against OpenMRS users with {@code Context.authenticate} (an OpenMRS session cookie is honoured as it
 * is) and forwards the request to the module servlet under {@value ModulePaths#SERVLET_PREFIX}. Credentials that
 * fail are marked on the request ({@link #credentialsRefused}), so that the servlet refuses it with 401 and an error
 * in its own API's shape (a FHIR {@code OperationOutcome}, the administration API's JSON) even when a session is
 * open; the servlets also refuse a request that nobody authenticated, except {@link ModulePaths#PUBLIC_PATHS}.
 */
public final class PatientRecordingsAuthenticationFilter implements Filter {

    /** The value of {@code WWW-Authenticate} on a 401. */
    public static final String CHALLENGE = "Basic realm=\"OpenMRS\", charset=\"UTF-8\"";

    private static final Logger LOG = LoggerFactory.getLogger(PatientRecordingsAuthenticationFilter.class);
    private static final String BASIC = "Basic ";
    private static final String REFUSED = PatientRecordingsAuthenticationFilter.class.getName() + ".refused";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(ModulePaths.PUBLIC_PREFIX + "/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            if (!authenticate(authorization.substring(BASIC.length()).trim())) {
                LOG.info("Patient Recordings refused HTTP Basic credentials from {}", request.getRemoteAddr());
                request.setAttribute(REFUSED, Boolean.TRUE);
            }
        }
        request.getRequestDispatcher(ModulePaths.forwardTarget(path)).forward(request, response);
    }

    /**
     * Whether a request may act as the OpenMRS user of its thread: someone is authenticated, and the request did not
     * bring HTTP Basic credentials that failed.
     */
    public static boolean isAuthenticated(HttpServletRequest request) {
        return !credentialsRefused(request) && Context.isAuthenticated();
    }

    /** Whether the request brought HTTP Basic credentials that OpenMRS refused. */
    static boolean credentialsRefused(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(REFUSED));
    }

    private static boolean authenticate(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return false;
        }
        try {
            Context.authenticate(
                    new UsernamePasswordCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
            return true;
        } catch (ContextAuthenticationException e) {
            return false;
        }
    }
}
