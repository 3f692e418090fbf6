/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import static org.openmrs.module.patientrecordings.openmrs.service.ModuleComponents.the;

import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.web.UnitOfWorkFilter;

/**
 * The module servlet {@value ModulePaths#FHIR_SERVLET_NAME} declared in config.xml: hosts the FHIR R4 server with
 * the request path and the base address that OpenMRS' module servlet dispatch needs, each request one unit of work
 * in OpenMRS' database ({@link UnitOfWorkFilter}, SAF-4). OpenMRS creates it after the module's Spring context, so
 * the server is built at {@link #init}.
 */
public final class PatientRecordingsFhirServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient RestfulServer server;
    private transient UnitOfWorkFilter unitOfWork;

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        // The factory reads global properties, which needs an OpenMRS session on this thread; OpenMRS may start the
        // module's servlets on a thread that has none.
        boolean ownSession = !Context.isSessionOpen();
        if (ownSession) {
            Context.openSession();
        }
        RestfulServer created;
        try {
            created = FhirServerFactory.create();
        } finally {
            if (ownSession) {
                Context.closeSession();
            }
        }
        created.init(config);
        unitOfWork = new UnitOfWorkFilter(the(Transactions.class));
        server = created;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        ModuleServletRequest fhirRequest = ModuleServletRequest.of(request, ModulePaths.SERVLET_FHIR_BASE);
        if (fhirRequest == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        unitOfWork.doFilter(fhirRequest, response, server::service);
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.destroy();
        }
        super.destroy();
    }
}
