/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import static org.openmrs.module.patientrecordings.openmrs.service.ModuleComponents.the;

import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.hosting.GuardedServlet;
import org.openmrs.module.patientrecordings.hosting.UnavailableAnswer;
import org.openmrs.module.patientrecordings.openmrs.PatientRecordingsModule;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.web.UnitOfWorkFilter;

/**
 * The module servlet {@value ModulePaths#FHIR_SERVLET_NAME} declared in config.xml: hosts the FHIR R4 server with
 * the request path and the base address that OpenMRS' module servlet dispatch needs, each request one unit of work
 * in OpenMRS' database ({@link UnitOfWorkFilter}, SAF-4). OpenMRS creates it after the module's Spring context, so
 * the server is built when the servlet starts; whatever fails then (a key file, a library) makes the module
 * unavailable, answering 503 with an {@code OperationOutcome} naming the cause, and never stops OpenMRS ({@link
 * GuardedServlet}).
 */
public final class PatientRecordingsFhirServlet extends GuardedServlet {

    private static final long serialVersionUID = 1L;

    public PatientRecordingsFhirServlet() {
        super(PatientRecordingsModule.AVAILABILITY, UnavailableAnswer.FHIR, "start the FHIR endpoint");
    }

    @Override
    protected Endpoint create(ServletConfig config) throws ServletException {
        // The factory reads global properties, which needs an OpenMRS session on this thread; OpenMRS may start the
        // module's servlets on a thread that has none.
        boolean ownSession = !Context.isSessionOpen();
        if (ownSession) {
            Context.openSession();
        }
        RestfulServer server;
        try {
            server = FhirServerFactory.create();
        } finally {
            if (ownSession) {
                Context.closeSession();
            }
        }
        server.init(config);
        UnitOfWorkFilter unitOfWork = new UnitOfWorkFilter(the(Transactions.class));
        return new Endpoint() {
            @Override
            public void service(HttpServletRequest request, HttpServletResponse response)
                    throws ServletException, IOException {
                ModuleServletRequest fhirRequest = ModuleServletRequest.of(request, ModulePaths.SERVLET_FHIR_BASE);
                if (fhirRequest == null) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                unitOfWork.doFilter(fhirRequest, response, server::service);
            }

            @Override
            public void close() {
                server.destroy();
            }
        };
    }
}
