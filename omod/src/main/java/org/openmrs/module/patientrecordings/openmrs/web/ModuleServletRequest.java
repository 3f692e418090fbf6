/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Presents a request that OpenMRS' module servlet dispatched (servlet path {@code /ms}, path info
 * {@code /patientrecordings/fhir/R4/Media/...}) as if its servlet were mapped at its own base, so that HAPI reads
 * {@code Media/...} as the request path instead of taking the module id for a resource type, and the administration
 * API routes {@code /sites/...}. Needs no OpenMRS class, so the default build compiles it and its tests wrap requests
 * as the adapter does.
 */
final class ModuleServletRequest extends HttpServletRequestWrapper {

    private final String base;
    private final String pathInfo;

    private ModuleServletRequest(HttpServletRequest request, String base, String pathInfo) {
        super(request);
        this.base = base;
        this.pathInfo = pathInfo;
    }

    /**
     * Wraps a request below a servlet's base.
     *
     * @param base the servlet's base below the context path, e.g. {@link ModulePaths#SERVLET_FHIR_BASE}
     * @return the wrapped request, or null when the request is not below {@code base}
     */
    static ModuleServletRequest of(HttpServletRequest request, String base) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(base)) {
            return new ModuleServletRequest(request, base, null);
        }
        if (path.startsWith(base + "/")) {
            return new ModuleServletRequest(request, base, path.substring(base.length()));
        }
        return null;
    }

    @Override
    public String getServletPath() {
        return base;
    }

    @Override
    public String getPathInfo() {
        return pathInfo;
    }
}
