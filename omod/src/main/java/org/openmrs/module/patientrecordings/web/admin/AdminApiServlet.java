/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.persistence.DatabaseUnavailable;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.site.PolicyFileService;
import org.openmrs.module.patientrecordings.site.RetentionScheduleService;
import org.openmrs.module.patientrecordings.site.SitePolicyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administration API: site policies (POL-1, POL-2), their telephone notices (TEL-2) and no-filming areas (PAT-3),
 * retention schedules (REC-2), the policy file, and the registers the rules depend on (STF-1, CON-10, COV-1, REC-4,
 * REC-5, REC-6), as JSON over HTTP. The host mounts it beside the FHIR endpoint ({@code /admin/*} standalone,
 * {@code /ws/patientrecordings/admin/*} in OpenMRS) and authenticates the request first. Every endpoint declares who
 * may call it ({@link Access}, SAF-3): the servlet refuses anyone else before the request is read, with the refusal
 * audited, and the services then apply their own rules. Only the description of the endpoints, {@code GET
 * /openapi.json}, is public.
 */
public final class AdminApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AdminApiServlet.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final transient AccessGuard guard;
    private final transient List<Route> routes;

    /**
     * @param policies site policies
     * @param schedules retention schedules
     * @param files policy export and import
     * @param registers the registers
     * @param disposal the destruction register's writer (REC-4)
     * @param guard the services' guard: the user the host authenticated, the audit of refusals, and the clock for
     *     what is in force "now" in responses
     */
    public AdminApiServlet(
            SitePolicyService policies,
            RetentionScheduleService schedules,
            PolicyFileService files,
            RegisterService registers,
            DisposalService disposal,
            AccessGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
        Clock clock = guard.clock();
        List<Route> all = new ArrayList<>();
        all.addAll(new PolicyEndpoints(policies, clock).routes());
        all.addAll(new PolicyFileEndpoints(files).routes());
        all.addAll(new RetentionEndpoints(schedules).routes());
        all.addAll(new RegisterEndpoints(registers, disposal, clock).routes());
        all.add(new Route("GET", "/openapi.json", Access.PUBLIC, call -> Reply.ok(OpenApiDocument.load())));
        this.routes = List.copyOf(all);
    }

    /** Every endpoint served, as {@code METHOD template}: what the OpenAPI document must describe. */
    public List<String> endpoints() {
        return routes.stream().map(r -> r.method() + " " + r.template()).toList();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        boolean ifMatch = request.getHeader("If-Match") != null;
        try {
            Reply reply = dispatch(request, path);
            write(response, reply.status(), reply.body(), reply.headers());
        } catch (RuleViolationException refused) {
            write(
                    response,
                    AdminErrors.status(refused.reasons(), ifMatch),
                    AdminErrors.body(refused.reasons()),
                    Map.of());
        } catch (JsonParseException | IllegalArgumentException bad) {
            // The domain's constructors refuse what the readers let through (a value out of range): input error.
            List<Reason> reasons = List.of(Reason.error(ErrorCode.SAF_4, String.valueOf(bad.getMessage()), null));
            write(response, 400, AdminErrors.body(reasons), Map.of());
        } catch (RuntimeException failed) {
            if (DatabaseUnavailable.causedBy(failed)) {
                LOG.warn("event=database_unavailable request=\"{} {}\"", request.getMethod(), path);
                write(
                        response,
                        503,
                        AdminErrors.failure(DatabaseUnavailable.MESSAGE),
                        Map.of("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS)));
                return;
            }
            LOG.error("The administration API failed on {} {}", request.getMethod(), path, failed);
            write(response, 500, AdminErrors.failure("The server could not complete the request"), Map.of());
        }
    }

    private Reply dispatch(HttpServletRequest request, String path) throws IOException {
        List<String> allowed = new ArrayList<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(path);
            if (parameters.isEmpty()) {
                continue;
            }
            if (route.method().equals(request.getMethod())) {
                permit(route);
                return route.handler().handle(new Call(request, parameters.get()));
            }
            allowed.add(route.method());
        }
        if (!allowed.isEmpty()) {
            List<Reason> reasons = List.of(Reason.error(
                    ErrorCode.SAF_4, request.getMethod() + " is not allowed here; use " + allowed, "method"));
            return new Reply(
                    405, AdminErrors.body(reasons), Map.of("Allow", String.join(", ", new TreeSet<>(allowed))));
        }
        throw RuleViolationException.of(ErrorCode.NF_1, "No administration endpoint at " + path, "path");
    }

    /**
     * SAF-3: refuses, and audits, a caller the route does not admit. Anyone but the public description needs to be
     * authenticated ({@link AccessGuard#actor()} refuses with SAF-3 otherwise).
     */
    private void permit(Route route) {
        if (route.access() instanceof Access.Public) {
            return;
        }
        Actor actor = guard.actor();
        AuditAction action =
                route.method().equals("GET") ? AuditAction.VIEW : route.access().change();
        guard.enforce(
                Decision.of(route.access().refusals(actor)),
                Subject.of(actor, action, null, null)
                        .withDetail("administration API " + route.method() + " " + route.template()));
    }

    /** Who may call each endpoint, as {@code METHOD template}. */
    Map<String, Access> access() {
        Map<String, Access> access = new LinkedHashMap<>();
        routes.forEach(r -> access.put(r.method() + " " + r.template(), r.access()));
        return access;
    }

    private static void write(HttpServletResponse response, int status, JsonElement body, Map<String, String> headers)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        headers.forEach(response::setHeader);
        try (Writer out = response.getWriter()) {
            GSON.toJson(body, out);
        }
    }
}
