/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Presents a request that OpenMRS' module servlet dispatched (servlet path {@code /ms}, path info
 * {@code /patientrecordings/fhir/R4/Media/...}) as if the FHIR server were mapped at the FHIR base, so that HAPI
 * reads {@code Media/...} as the request path instead of taking the module id for a resource type.
 */
final class ModuleServletRequest extends HttpServletRequestWrapper {

    private final String pathInfo;

    private ModuleServletRequest(HttpServletRequest request, String pathInfo) {
        super(request);
        this.pathInfo = pathInfo;
    }

    /**
     * Wraps a request below {@link ModulePaths#SERVLET_FHIR_BASE}.
     *
     * @return the wrapped request, or null when the request is not below the FHIR base
     */
    static ModuleServletRequest of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(ModulePaths.SERVLET_FHIR_BASE)) {
            return new ModuleServletRequest(request, null);
        }
        if (path.startsWith(ModulePaths.SERVLET_FHIR_BASE + "/")) {
            return new ModuleServletRequest(request, path.substring(ModulePaths.SERVLET_FHIR_BASE.length()));
        }
        return null;
    }

    @Override
    public String getServletPath() {
        return ModulePaths.SERVLET_FHIR_BASE;
    }

    @Override
    public String getPathInfo() {
        return pathInfo;
    }
}
