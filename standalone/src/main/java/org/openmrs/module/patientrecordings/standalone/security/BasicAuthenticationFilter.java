/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.standalone.web.ErrorBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic authentication of standalone users (SAF-3). An authenticated request runs with the user bound as the
 * {@link RequestCurrentUser}; any other request gets 401 with a {@code WWW-Authenticate} challenge, except the
 * public paths: {@code /health}, the FHIR CapabilityStatement ({@code GET /fhir/metadata}) and the administration
 * API's description ({@code GET /admin/openapi.json}), and requests whose
 * user a browser session has already bound ({@link SessionAuthenticationFilter}). Failed logins are
 * logged with the remote address only, never with the name typed.
 */
public final class BasicAuthenticationFilter implements Filter {

    /** The realm of the challenge. */
    public static final String REALM = "Patient Recordings";

    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthenticationFilter.class);
    private static final Set<String> PUBLIC_PATHS = Set.of("/health", "/fhir/metadata", "/admin/openapi.json");
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

    private final UserAccounts users;
    private final RequestCurrentUser currentUser;

    public BasicAuthenticationFilter(UserAccounts users, RequestCurrentUser currentUser) {
        this.users = Objects.requireNonNull(users, "users");
        this.currentUser = Objects.requireNonNull(currentUser, "currentUser");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (isPublic(request) || currentUser.current().isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserAccount> user = credentials(request).flatMap(c -> users.authenticate(c.username(), c.password()));
        if (user.isEmpty()) {
            challenge(request, response);
            return;
        }
        try (RequestCurrentUser.Scope scope = currentUser.bind(user.get().actor())) {
            chain.doFilter(request, response);
        }
    }

    private static boolean isPublic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return READ_METHODS.contains(request.getMethod()) && PUBLIC_PATHS.contains(path);
    }

    private static Optional<Credentials> credentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        return Optional.of(
                new Credentials(decoded.substring(0, colon).toLowerCase(Locale.ROOT), decoded.substring(colon + 1)));
    }

    private static void challenge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getHeader("Authorization") != null) {
            LOG.info("event=authentication_failed remote={}", request.getRemoteAddr());
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        // In the format of the API asked (an OperationOutcome with SAF-3 under /fhir), as the module inside OpenMRS.
        ErrorBodies.Body body = ErrorBodies.of(
                request.getRequestURI().substring(request.getContextPath().length()),
                request.getHeader("Accept"),
                request.getParameter("_format"),
                ErrorCode.SAF_3,
                "Authentication required");
        response.setContentType(body.contentType());
        response.getOutputStream().write(body.bytes());
    }

    /** What the Authorization header carried; the password is never logged. */
    private record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }
}
