/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.fhir.OperationOutcomes;
import org.openmrs.module.patientrecordings.web.admin.AdminErrors;

/**
 * Authenticates the browser shell's requests by their sign-in session (SAF-3): in front of {@code /fhir/*} and
 * {@code /admin/*}, before {@link BasicAuthenticationFilter}. A request carrying a live session cookie runs as its
 * user, and the password is not checked again. Every request that could change something (any method but GET, HEAD
 * and OPTIONS) must also carry the session's CSRF token in {@value #CSRF_HEADER}: a cookie alone, which another site
 * can make the browser send, changes nothing (the cookie is also {@code SameSite=Strict}).
 *
 * <p>A request without a session cookie is left to HTTP Basic, so external systems keep working, except one that
 * carries {@value #CSRF_HEADER} (only the shell sends it) or a cookie that has expired: it gets 401 without a Basic
 * challenge, so that the browser shows the shell's sign-in instead of its own password dialog. Refusals are in the
 * shape of the API asked: an {@code OperationOutcome} under {@code /fhir}, the administration API's issues
 * elsewhere.
 */
public final class SessionAuthenticationFilter implements Filter {

    /** The session cookie's name. */
    public static final String COOKIE = "patientrecordings_session";

    /** The request header carrying the session's CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final SignInSessions sessions;
    private final RequestCurrentUser currentUser;

    public SessionAuthenticationFilter(SignInSessions sessions, RequestCurrentUser currentUser) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.currentUser = Objects.requireNonNull(currentUser, "currentUser");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Optional<String> token = sessionToken(request);
        boolean fromShell = request.getHeader(CSRF_HEADER) != null;
        boolean hasBasic = request.getHeader("Authorization") != null;
        if (token.isEmpty()) {
            if (fromShell && !hasBasic) {
                refuse(request, response, 401, "Sign in first: there is no session");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Optional<SignInSessions.Session> session = sessions.use(token.get());
        if (session.isEmpty()) {
            if (hasBasic) {
                chain.doFilter(request, response);
                return;
            }
            response.addHeader("Set-Cookie", expiredCookie(request));
            refuse(request, response, 401, "The session has ended: sign in again");
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !session.get().csrfMatches(request.getHeader(CSRF_HEADER))) {
            refuse(
                    request,
                    response,
                    403,
                    "The request did not carry the session's CSRF token, so nothing was changed");
            return;
        }
        try (RequestCurrentUser.Scope scope =
                currentUser.bind(session.get().user().actor())) {
            chain.doFilter(request, response);
        }
    }

    /** The session token the request's cookie carries, if any. */
    static Optional<String> sessionToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code Set-Cookie} value carrying a new session: not readable by scripts, sent only on requests that start
     * from this site, only over HTTPS when the request came over HTTPS, and gone when the browser closes.
     */
    static String sessionCookie(HttpServletRequest request, String token) {
        return COOKIE + "=" + token + "; Path=" + cookiePath(request) + "; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that removes the session cookie. */
    static String expiredCookie(HttpServletRequest request) {
        return COOKIE + "=; Path=" + cookiePath(request) + "; Max-Age=0; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : "");
    }

    private static String cookiePath(HttpServletRequest request) {
        String context = request.getContextPath();
        return context == null || context.isEmpty() ? "/" : context;
    }

    /** Writes a SAF-3 refusal in the shape of the API the request was for. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try (Writer out = response.getWriter()) {
            if (path.startsWith("/fhir/")) {
                response.setContentType("application/fhir+json");
                out.write(FHIR.newJsonParser()
                        .encodeResourceToString(OperationOutcomes.of(ErrorCode.SAF_3, message, null)));
            } else {
                response.setContentType("application/json");
                out.write(AdminErrors.body(List.of(Reason.error(ErrorCode.SAF_3, message, null)))
                        .toString());
            }
        }
    }
}
