/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.openmrs.port.OpenmrsSettings;
import org.openmrs.module.patientrecordings.openmrs.service.PatientRecordingsService;

/**
 * The module servlet {@value ModulePaths#FHIR_SERVLET_NAME} declared in config.xml: hosts the FHIR R4 server with
 * the request path and the base address that OpenMRS' module servlet dispatch needs. OpenMRS creates it after the
 * module's Spring context, so the services are looked up at {@link #init}.
 */
public final class PatientRecordingsFhirServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient RestfulServer server;

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        RestfulServer created = FhirServerFactory.create(Context.getService(PatientRecordingsService.class));
        created.setServerAddressStrategy(new PublicAddressStrategy(new OpenmrsSettings()));
        created.init(config);
        server = created;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        ModuleServletRequest fhirRequest = ModuleServletRequest.of(request);
        if (fhirRequest == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        server.service((ServletRequest) fhirRequest, (ServletResponse) response);
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.destroy();
        }
        super.destroy();
    }
}
