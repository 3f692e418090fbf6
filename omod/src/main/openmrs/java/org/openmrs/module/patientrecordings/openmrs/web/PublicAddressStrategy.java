/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.web;

import ca.uhn.fhir.rest.server.IServerAddressStrategy;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.openmrs.module.patientrecordings.settings.Setting;
import org.openmrs.module.patientrecordings.settings.Settings;

/**
 * The FHIR server's base address as clients must use it: {@code {context}/ws/patientrecordings/fhir/R4}, not the
 * {@code /ms/...} path the request was dispatched to, so that the CapabilityStatement and every Bundle and Location
 * link point at the public endpoint. {@link Setting#FHIR_BASE_URL} overrides it behind a proxy.
 */
final class PublicAddressStrategy implements IServerAddressStrategy {

    private final Settings settings;

    PublicAddressStrategy(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String determineServerBase(ServletContext servletContext, HttpServletRequest request) {
        String configured = settings.get(Setting.FHIR_BASE_URL);
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        StringBuilder base =
                new StringBuilder().append(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        if (!defaultPort) {
            base.append(':').append(port);
        }
        return base.append(request.getContextPath())
                .append(ModulePaths.PUBLIC_FHIR_BASE)
                .toString();
    }
}
