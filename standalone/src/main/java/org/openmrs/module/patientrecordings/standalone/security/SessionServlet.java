/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in and sign-out of the browser shell at {@code /session} (SAF-3).
 *
 * <ul>
 *   <li>{@code POST /session} with {@code {"username", "password"}} as {@code application/json} checks the password
 *       once and opens a session: a {@code Set-Cookie} of the session token (HttpOnly, SameSite=Strict) and the body
 *       below. Only JSON is accepted, which a cross-site form cannot send, so no other site can sign a browser in.
 *   <li>{@code GET /session} answers the signed-in user, their privileges and the session's CSRF token, or 401.
 *   <li>{@code DELETE /session} with the CSRF token in {@value SessionAuthenticationFilter#CSRF_HEADER} signs out.
 * </ul>
 *
 * <pre>{@code
 * {"user": {"id": "...", "username": "clinician", "display": "Dr ..."}, "privileges": ["VIEW_RECORDINGS", ...],
 *  "csrfToken": "..."}
 * }</pre>
 */
public final class SessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SessionServlet.class);

    private final transient UserAccounts users;
    private final transient SignInSessions sessions;

    public SessionServlet(UserAccounts users, SignInSessions sessions) {
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<SignInSessions.Session> session =
                SessionAuthenticationFilter.sessionToken(request).flatMap(sessions::use);
        if (session.isEmpty()) {
            SessionAuthenticationFilter.refuse(request, response, 401, "Nobody is signed in");
            return;
        }
        write(response, 200, body(session.get()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            SessionAuthenticationFilter.refuse(
                    request, response, 415, "Sign in with a JSON body: {\"username\": ..., \"password\": ...}");
            return;
        }
        Optional<Credentials> credentials = read(request);
        if (credentials.isEmpty()) {
            SessionAuthenticationFilter.refuse(request, response, 400, "Give a user name and a password");
            return;
        }
        Optional<UserAccount> user = users.authenticate(
                credentials.get().username(), credentials.get().password());
        if (user.isEmpty()) {
            LOG.info("event=sign_in_failed remote={}", request.getRemoteAddr());
            SessionAuthenticationFilter.refuse(request, response, 401, "The user name or the password is not right");
            return;
        }
        SessionAuthenticationFilter.sessionToken(request).ifPresent(sessions::close);
        SignInSessions.Opened opened = sessions.open(user.get());
        response.addHeader("Set-Cookie", SessionAuthenticationFilter.sessionCookie(request, opened.token()));
        LOG.info("event=signed_in user={}", user.get().id().value());
        write(response, 200, body(opened.session()));
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<String> token = SessionAuthenticationFilter.sessionToken(request);
        Optional<SignInSessions.Session> session = token.flatMap(sessions::use);
        if (session.isPresent()
                && !session.get().csrfMatches(request.getHeader(SessionAuthenticationFilter.CSRF_HEADER))) {
            SessionAuthenticationFilter.refuse(
                    request,
                    response,
                    403,
                    "The request did not carry the session's CSRF token, so nothing was changed");
            return;
        }
        token.ifPresent(sessions::close);
        response.addHeader("Set-Cookie", SessionAuthenticationFilter.expiredCookie(request));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static Optional<Credentials> read(HttpServletRequest request) throws IOException {
        try (Reader in = request.getReader()) {
            JsonElement json = JsonParser.parseReader(in);
            if (!json.isJsonObject()) {
                return Optional.empty();
            }
            JsonObject object = json.getAsJsonObject();
            String username = string(object, "username");
            String password = string(object, "password");
            if (username == null || username.isBlank() || password == null || password.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Credentials(username.strip().toLowerCase(Locale.ROOT), password));
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null
                        && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isString()
                ? value.getAsString()
                : null;
    }

    private static JsonObject body(SignInSessions.Session session) {
        UserAccount account = session.user();
        JsonObject user = new JsonObject();
        user.addProperty("id", account.id().value());
        user.addProperty("username", account.username());
        user.addProperty("display", account.displayName());
        JsonArray privileges = new JsonArray();
        for (Privilege privilege : Privilege.values()) {
            if (account.privileges().contains(privilege)) {
                privileges.add(privilege.name());
            }
        }
        JsonObject body = new JsonObject();
        body.add("user", user);
        body.add("privileges", privileges);
        body.addProperty("csrfToken", session.csrfToken());
        return body;
    }

    private static void write(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (Writer out = response.getWriter()) {
            out.write(body.toString());
        }
    }

    /** What the sign-in form sent; the password is never logged. */
    private record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }
}
