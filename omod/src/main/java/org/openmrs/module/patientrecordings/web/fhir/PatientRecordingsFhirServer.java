/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.fhir.AuditEventTranslator;
import org.openmrs.module.patientrecordings.recording.InMemoryUploadProgress;
import org.openmrs.module.patientrecordings.recording.UploadProgress;

/**
 * The module's FHIR R4 endpoint: HAPI's plain {@link RestfulServer} with thin providers over the services for Media,
 * Consent, AuditEvent, Binary and Flag (legal holds), the recording operations, and raw content streaming. A host
 * constructs it with the services and registers it as a servlet (standalone: under {@code /fhir/*}; OpenMRS: the
 * module servlet behind {@code /ws/patientrecordings/fhir/R4}).
 *
 * <p>Every request but {@code /metadata} must authenticate through the host's {@link RequestAuthenticator}; its user
 * is current on the request's thread until the response is written. Refusals are OperationOutcomes with our error
 * codes ({@link RuleViolationResponses}).
 */
public class PatientRecordingsFhirServer extends RestfulServer {

    private static final long serialVersionUID = 1L;

    private final transient FhirServerDependencies services;
    private final transient FhirServerSettings settings;
    private final transient RequestAuthenticator authenticator;
    private final transient ContentDownload download;
    private final transient ConditionalCreates creates;
    private final transient UploadProgress uploads;

    /**
     * A server whose conditional creates and chunked uploads are remembered in its memory ({@link IdempotencyKeys},
     * {@link InMemoryUploadProgress}).
     *
     * @param services the services and stores the providers call
     * @param settings base address, upload limit, paging
     * @param authenticator the host's authentication, binding the request's user for the services
     */
    public PatientRecordingsFhirServer(
            FhirServerDependencies services, FhirServerSettings settings, RequestAuthenticator authenticator) {
        this(services, settings, authenticator, new IdempotencyKeys());
    }

    /**
     * A server whose chunked uploads are remembered in its memory ({@link InMemoryUploadProgress}).
     *
     * @param services the services and stores the providers call
     * @param settings base address, upload limit, paging
     * @param authenticator the host's authentication, binding the request's user for the services
     * @param creates where conditional creates keep their keys; a host with a database keeps them there, so that they
     *     hold across restarts and instances
     */
    public PatientRecordingsFhirServer(
            FhirServerDependencies services,
            FhirServerSettings settings,
            RequestAuthenticator authenticator,
            ConditionalCreates creates) {
        this(services, settings, authenticator, creates, new InMemoryUploadProgress());
    }

    /**
     * @param services the services and stores the providers call
     * @param settings base address, upload limit, paging
     * @param authenticator the host's authentication, binding the request's user for the services
     * @param creates where conditional creates keep their keys; a host with a database keeps them there, so that they
     *     hold across restarts and instances
     * @param uploads where chunked uploads keep their committed chunks; a host with a database keeps them there, so
     *     that an upload continues on any instance and after a restart
     */
    public PatientRecordingsFhirServer(
            FhirServerDependencies services,
            FhirServerSettings settings,
            RequestAuthenticator authenticator,
            ConditionalCreates creates,
            UploadProgress uploads) {
        super(ServerFhirContext.shared());
        this.services = Objects.requireNonNull(services, "services");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.creates = Objects.requireNonNull(creates, "creates");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.download = new ContentDownload(services);
    }

    @Override
    protected void initialize() throws ServletException {
        MediaViews views = new MediaViews(services);
        AuditEventTranslator audit = new AuditEventTranslator(settings.serverName());
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setServerAddressStrategy(settings.addressStrategy());
        // A search's next pages only to the user who ran it (SAF-3, COV-2).
        UserBoundPaging paging = new UserBoundPaging(100, services.guard());
        paging.setDefaultPageSize(settings.pageSize());
        paging.setMaximumPageSize(Math.max(settings.pageSize(), settings.maxPageSize()));
        setPagingProvider(paging);
        // _history pages by offset, which HAPI sizes with the server's own default.
        setDefaultPageSize(settings.pageSize());
        // _include=Media:consent: a reference the provider filled in is included; nothing else is.
        setBundleInclusionRule(BundleInclusionRule.BASED_ON_RESOURCE_PRESENCE);
        registerProviders(List.of(
                new MediaProvider(services, views, creates),
                new ConsentProvider(services),
                new AuditEventProvider(services, audit),
                new BinaryProvider(services),
                new FlagProvider(services)));
        registerProviders(List.of(
                new MediaOperations(services, views),
                new DerivativeOperations(services, views),
                new LegalHoldOperations(services),
                new ContentOperations(new ContentUpload(services, uploads, settings.maxUploadBytes()), download, views),
                new DisclosureOperations(services, new DisclosureWriter(getFhirContext(), services, views, audit))));
        // OperationDefinition/{id} answers with the package's definitions, as the CapabilityStatement names them.
        setServerConformanceProvider(new PackageCapabilityStatementProvider(this));
        registerInterceptor(new RuleViolationResponses());
        registerInterceptor(new CapabilityStatementCustomizer());
    }

    /** Checks the paging parameters and the id of every request before a provider sees them ({@link RequestChecks}). */
    @Override
    protected void validateRequest(ServletRequestDetails request) {
        super.validateRequest(request);
        RequestChecks.check(request);
    }

    /** Authenticates, then serves: raw content for a non-FHIR {@code GET Binary/...}, HAPI for everything else. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("");
        if (path.equals("/metadata") || path.startsWith("/metadata?")) {
            super.service(request, response);
            return;
        }
        Optional<RequestAuthenticator.Scope> scope = authenticator.authenticate(request);
        if (scope.isEmpty()) {
            authenticator.challenge().ifPresent(c -> response.setHeader("WWW-Authenticate", c));
            RawResponses.refuse(getFhirContext(), response, 401, "Authentication required");
            return;
        }
        try (RequestAuthenticator.Scope open = scope.get()) {
            List<Reason> names = RequestChecks.parameterNameProblems(
                    request.getParameterMap().keySet());
            if (!names.isEmpty()) {
                RawResponses.refuse(getFhirContext(), response, new RuleViolationException(new Decision.Denied(names)));
                return;
            }
            if (RawResponses.isRawBinaryRead(request, path)) {
                RawResponses.stream(getFhirContext(), download, path, request, response);
            } else {
                super.service(request, response);
            }
        }
    }
}
