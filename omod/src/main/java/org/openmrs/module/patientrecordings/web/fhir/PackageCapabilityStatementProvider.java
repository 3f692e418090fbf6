/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * The server's CapabilityStatement provider, which also answers {@code GET OperationDefinition/{id}} with the
 * conformance package's own definition of each operation, the one the CapabilityStatement names by canonical URL
 * ({@link CapabilityStatementCustomizer}), rather than one HAPI would generate from the server's methods. An id the
 * package does not define is 404 (NF-1).
 */
final class PackageCapabilityStatementProvider extends ServerCapabilityStatementProvider {

    /** Where the package's build puts the definitions on the classpath. */
    static final String DEFINITIONS = "/fhir/definitions/OperationDefinition-";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final FhirContext fhir;
    private final Map<String, OperationDefinition> cache = new ConcurrentHashMap<>();

    PackageCapabilityStatementProvider(RestfulServer server) {
        super(server);
        this.fhir = server.getFhirContext();
    }

    @Override
    @Read(typeName = "OperationDefinition")
    public IBaseResource readOperationDefinition(@IdParam IIdType id, RequestDetails request) {
        String idPart = id == null ? null : id.getIdPart();
        return definition(idPart)
                .orElseThrow(() -> RuleViolationException.of(
                        ErrorCode.NF_1, "No operation is defined as OperationDefinition/" + idPart, "id"));
    }

    /** The package's definition with this id (the last segment of its canonical URL), if there is one. */
    Optional<OperationDefinition> definition(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        OperationDefinition cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached.copy());
        }
        try (InputStream in =
                PackageCapabilityStatementProvider.class.getResourceAsStream(DEFINITIONS + id + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                OperationDefinition read = fhir.newJsonParser().parseResource(OperationDefinition.class, reader);
                read.setId(id);
                cache.put(id, read);
                return Optional.of(read.copy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the definition of operation " + id, e);
        }
    }
}
