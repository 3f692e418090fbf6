/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import static org.openmrs.module.patientrecordings.openmrs.service.ModuleComponents.the;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.openmrs.User;
import org.openmrs.api.context.Context;
import org.openmrs.api.context.ContextAuthenticationException;
import org.openmrs.api.context.UsernamePasswordCredentials;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.hosting.GuardedServlet;
import org.openmrs.module.patientrecordings.hosting.UnavailableAnswer;
import org.openmrs.module.patientrecordings.openmrs.PatientRecordingsModule;
import org.openmrs.module.patientrecordings.openmrs.port.HostNames;
import org.openmrs.module.patientrecordings.port.CurrentUser;
import org.openmrs.module.patientrecordings.web.admin.AdminErrors;
import org.openmrs.module.patientrecordings.web.shell.ShellServlet;
import org.openmrs.module.patientrecordings.web.shell.ShellSettings;

/**
 * The module servlet {@value ModulePaths#UI_SERVLET_NAME} declared in config.xml: the browser shell at
 * {@value ModulePaths#PUBLIC_UI_BASE}{@code /} for servers without the O3 frontend, under the OpenMRS login. Its
 * {@code session} path is the shell's sign-in: {@code GET} answers the OpenMRS user and the module's privileges they
 * hold (401 when nobody is signed in, without a Basic challenge), {@code POST} with {@code {"username", "password"}}
 * as JSON signs in with {@code Context.authenticate} (the OpenMRS session cookie carries it from then on), and
 * {@code DELETE} signs out. Everything else is the shell's pages and assets ({@link ShellServlet}). While the module is
 * unavailable it answers 503 naming the cause ({@link GuardedServlet}).
 */
public final class PatientRecordingsUiServlet extends GuardedServlet {

    private static final long serialVersionUID = 1L;
    private static final String SESSION = "/session";

    /** The shell inside OpenMRS: the module's endpoints under /ws, patients through OpenMRS' REST API. */
    static final ShellSettings SETTINGS = new ShellSettings(
            ModulePaths.PUBLIC_FHIR_BASE,
            ModulePaths.PUBLIC_ADMIN_BASE,
            null,
            "/ws/rest/v1",
            ModulePaths.PUBLIC_UI_BASE + SESSION,
            "openmrs");

    public PatientRecordingsUiServlet() {
        super(PatientRecordingsModule.AVAILABILITY, UnavailableAnswer.ADMIN, "start the browser pages");
    }

    @Override
    protected Endpoint create(ServletConfig config) throws ServletException {
        ShellServlet shell = new ShellServlet(SETTINGS, PatientRecordingsUiServlet.class.getClassLoader());
        shell.init(config);
        return new Endpoint() {
            @Override
            public void service(HttpServletRequest request, HttpServletResponse response)
                    throws ServletException, IOException {
                serve(shell, request, response);
            }

            @Override
            public void close() {
                shell.destroy();
            }
        };
    }

    private static void serve(ShellServlet shell, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        ModuleServletRequest uiRequest = ModuleServletRequest.of(request, ModulePaths.SERVLET_UI_BASE);
        if (uiRequest == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (SESSION.equals(uiRequest.getPathInfo())) {
            response.setHeader("Cache-Control", "no-store");
            switch (request.getMethod()) {
                case "GET" -> current(request, response);
                case "POST" -> signIn(request, response);
                case "DELETE" -> signOut(request, response);
                default -> response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            }
            return;
        }
        shell.service(uiRequest, response);
    }

    private static void current(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!PatientRecordingsAuthenticationFilter.isAuthenticated(request)) {
            refuse(response, 401, "Nobody is signed in");
            return;
        }
        write(response, 200, body());
    }

    private static void signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.startsWith("application/json")) {
            refuse(response, 415, "Sign in with a JSON body: {\"username\": ..., \"password\": ...}");
            return;
        }
        String username;
        String password;
        try (Reader in = request.getReader()) {
            JsonObject json = JsonParser.parseReader(in).getAsJsonObject();
            username = json.get("username").getAsString();
            password = json.get("password").getAsString();
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            refuse(response, 400, "Give a user name and a password");
            return;
        }
        try {
            Context.authenticate(new UsernamePasswordCredentials(username, password));
        } catch (ContextAuthenticationException e) {
            refuse(response, 401, "The user name or the password is not right");
            return;
        }
        write(response, 200, body());
    }

    private static void signOut(HttpServletRequest request, HttpServletResponse response) {
        Context.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static JsonObject body() {
        User user = Context.getAuthenticatedUser();
        JsonObject who = new JsonObject();
        who.addProperty("id", user.getUuid());
        who.addProperty("username", user.getUsername());
        who.addProperty(
                "display", user.getPersonName() == null ? user.getUsername() : HostNames.of(user.getPersonName()));
        Set<Privilege> held = the(CurrentUser.class).get().privileges();
        JsonArray privileges = new JsonArray();
        for (Privilege privilege : Privilege.values()) {
            if (held.contains(privilege)) {
                privileges.add(privilege.name());
            }
        }
        JsonObject body = new JsonObject();
        body.add("user", who);
        body.add("privileges", privileges);
        return body;
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, AdminErrors.body(List.of(Reason.error(ErrorCode.SAF_3, message, null))));
    }

    private static void write(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (Writer out = response.getWriter()) {
            out.write(body.toString());
        }
    }
}
