/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.server.IServerAddressStrategy;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import java.util.Objects;

/**
 * How a host runs the FHIR server.
 *
 * @param addressStrategy the server's public base address: OpenMRS serves at {@code {context}/ws/patientrecordings/
 *     fhir/R4} although its servlet is reached through {@code /ms/...}, standalone at {@code /fhir}; every link in
 *     bundles, Location headers and content urls uses it
 * @param maxUploadBytes the largest content accepted for one recording (SAF-4)
 * @param serverName how the server names itself as an audit source
 * @param pageSize the default search page size ({@code _count} may ask for less)
 * @param maxPageSize the largest page a search returns, whatever {@code _count} asks for (never below {@code
 *     pageSize})
 */
public record FhirServerSettings(
        IServerAddressStrategy addressStrategy, long maxUploadBytes, String serverName, int pageSize, int maxPageSize) {

    public FhirServerSettings {
        Objects.requireNonNull(addressStrategy, "addressStrategy");
        Objects.requireNonNull(serverName, "serverName");
        if (maxUploadBytes < 1 || pageSize < 1 || maxPageSize < 1) {
            throw new IllegalArgumentException("maxUploadBytes, pageSize and maxPageSize must be positive");
        }
    }

    /** The base address as the request shows it; 8 GiB uploads; pages of 20, at most 200. */
    public static FhirServerSettings defaults(String serverName) {
        return new FhirServerSettings(new IncomingRequestAddressStrategy(), 8L << 30, serverName, 20, 200);
    }

    public FhirServerSettings withAddressStrategy(IServerAddressStrategy strategy) {
        return new FhirServerSettings(strategy, maxUploadBytes, serverName, pageSize, maxPageSize);
    }

    public FhirServerSettings withMaxUploadBytes(long bytes) {
        return new FhirServerSettings(addressStrategy, bytes, serverName, pageSize, maxPageSize);
    }

    public FhirServerSettings withPageSize(int size) {
        return new FhirServerSettings(addressStrategy, maxUploadBytes, serverName, size, maxPageSize);
    }

    public FhirServerSettings withMaxPageSize(int size) {
        return new FhirServerSettings(addressStrategy, maxUploadBytes, serverName, pageSize, size);
    }
}
