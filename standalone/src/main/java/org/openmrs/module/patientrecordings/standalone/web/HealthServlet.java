/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.web.SecurityHeaders;

/**
 * {@code GET /health}: 200 with {@link Health} as JSON when every part is up, 503 with the same body otherwise.
 * Public, so it names no patient, user or configuration detail.
 */
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<Health> health;

    public HealthServlet(Supplier<Health> health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    /** Any other method: 405 naming GET, as JSON with the API's headers rather than the container's error page. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            super.service(request, response);
            return;
        }
        SecurityHeaders.apply(response, SecurityHeaders.Answer.API);
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "GET, HEAD");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":\"METHOD_NOT_ALLOWED\",\"allowed\":[\"GET\",\"HEAD\"]}");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Health current = health.get();
        response.setStatus(
                "UP".equals(current.status()) ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(current.toJson());
    }
}
