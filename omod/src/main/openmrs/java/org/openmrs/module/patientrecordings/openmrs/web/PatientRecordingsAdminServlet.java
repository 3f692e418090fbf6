/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import static org.openmrs.module.patientrecordings.openmrs.service.ModuleComponents.the;

import com.google.gson.Gson;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.hosting.GuardedServlet;
import org.openmrs.module.patientrecordings.hosting.UnavailableAnswer;
import org.openmrs.module.patientrecordings.openmrs.PatientRecordingsModule;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.site.PolicyFileService;
import org.openmrs.module.patientrecordings.site.RetentionScheduleService;
import org.openmrs.module.patientrecordings.site.SitePolicyService;
import org.openmrs.module.patientrecordings.web.UnitOfWorkFilter;
import org.openmrs.module.patientrecordings.web.admin.AdminApiServlet;
import org.openmrs.module.patientrecordings.web.admin.AdminErrors;

/**
 * The module servlet {@value ModulePaths#ADMIN_SERVLET_NAME} declared in config.xml: the web shell's administration
 * API ({@link AdminApiServlet}) at {@value ModulePaths#PUBLIC_ADMIN_BASE}, over the module's services and OpenMRS'
 * current user, each request one unit of work in OpenMRS' database ({@link UnitOfWorkFilter}, SAF-4). A request that
 * nobody authenticated, or whose HTTP Basic credentials failed, is refused with 401 and a challenge, in the API's
 * error shape; only its OpenAPI document is public. While the module is unavailable it answers 503 in that shape,
 * naming the cause ({@link GuardedServlet}).
 */
public final class PatientRecordingsAdminServlet extends GuardedServlet {

    private static final long serialVersionUID = 1L;
    private static final Gson GSON = new Gson();

    public PatientRecordingsAdminServlet() {
        super(PatientRecordingsModule.AVAILABILITY, UnavailableAnswer.ADMIN, "start the administration API");
    }

    @Override
    protected Endpoint create(ServletConfig config) throws ServletException {
        AdminApiServlet api = new AdminApiServlet(
                the(SitePolicyService.class),
                the(RetentionScheduleService.class),
                the(PolicyFileService.class),
                the(RegisterService.class),
                the(DisposalService.class),
                the(AccessGuard.class));
        api.init(config);
        UnitOfWorkFilter unitOfWork = new UnitOfWorkFilter(the(Transactions.class));
        return new Endpoint() {
            @Override
            public void service(HttpServletRequest request, HttpServletResponse response)
                    throws ServletException, IOException {
                ModuleServletRequest adminRequest = ModuleServletRequest.of(request, ModulePaths.SERVLET_ADMIN_BASE);
                if (adminRequest == null) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                String path = adminRequest.getPathInfo() == null ? "" : adminRequest.getPathInfo();
                boolean isPublic = ModulePaths.PUBLIC_PATHS.contains(ModulePaths.PUBLIC_ADMIN_BASE + path);
                if (!isPublic && !PatientRecordingsAuthenticationFilter.isAuthenticated(request)) {
                    refuseUnauthenticated(response);
                    return;
                }
                unitOfWork.doFilter(adminRequest, response, api::service);
            }

            @Override
            public void close() {
                api.destroy();
            }
        };
    }

    private static void refuseUnauthenticated(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", PatientRecordingsAuthenticationFilter.CHALLENGE);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        List<Reason> reasons = List.of(Reason.error(
                ErrorCode.SAF_3,
                "Authentication required: an OpenMRS session or the HTTP Basic credentials of an OpenMRS user",
                null));
        try (Writer out = response.getWriter()) {
            GSON.toJson(AdminErrors.body(reasons), out);
        }
    }
}
