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

/**
 * The module filter on {@value ModulePaths#PUBLIC_PREFIX}{@code /*}. OpenMRS enforces nothing there and ignores HTTP
 * Basic, so this filter authenticates Basic credentials against OpenMRS users (an OpenMRS session cookie is honoured
 * as it is), refuses unauthenticated requests other than the FHIR capability statement with 401, and forwards the
 * rest to the module servlet under {@value ModulePaths#SERVLET_PREFIX}.
 */
public final class PatientRecordingsAuthenticationFilter implements Filter {

    private static final String BASIC = "Basic ";
    private static final String CHALLENGE = "Basic realm=\"OpenMRS\", charset=\"UTF-8\"";

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
                challenge(response);
                return;
            }
        }
        if (!Context.isAuthenticated() && !isPublic(path)) {
            challenge(response);
            return;
        }
        request.getRequestDispatcher(ModulePaths.forwardTarget(path)).forward(request, response);
    }

    /** The capability statement stays readable without credentials so that clients can discover the server. */
    private static boolean isPublic(String path) {
        return path.equals(ModulePaths.PUBLIC_FHIR_BASE + "/metadata");
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

    private static void challenge(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
