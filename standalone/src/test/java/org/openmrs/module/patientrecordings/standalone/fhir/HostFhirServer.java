/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.audit.InMemoryAuditLog;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.standalone.host.HostDirectory;
import org.openmrs.module.patientrecordings.web.fhir.RequestAuthenticator;
import org.openmrs.module.patientrecordings.web.fhir.RuleViolationResponses;
import org.openmrs.module.patientrecordings.web.fhir.ThreadLocalCurrentUser;

/**
 * A FHIR endpoint on embedded Jetty carrying the host providers, over host services on a test database, built as the
 * standalone server builds its own: providers registered before the servlet starts, refusals mapped by the module's
 * {@link RuleViolationResponses}. A request names its user and privileges in the {@value #USER} header
 * ({@code name} or {@code name:PRIVILEGE,PRIVILEGE}); without it, it is refused with 401.
 */
final class HostFhirServer implements AutoCloseable {

    static final String USER = "X-Test-User";

    private final Server jetty;
    final InMemoryAuditLog audit = new InMemoryAuditLog();

    HostFhirServer(Database database, Clock clock, Consumer<PatientId> patientChanged) {
        ThreadLocalCurrentUser currentUser = new ThreadLocalCurrentUser();
        AccessGuard guard = new AccessGuard(currentUser, audit, clock);
        HostDirectory host = HostDirectory.over(database, clock, user -> Optional.empty());
        Endpoint endpoint = new Endpoint(currentUser.authenticator(HostFhirServer::actor, null));
        endpoint.registerProviders(HostFhirProviders.create(host, new NoteLookup(database), guard, patientChanged));

        jetty = new Server(0);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder fhir = new ServletHolder("fhir", endpoint);
        fhir.setInitOrder(1);
        context.addServlet(fhir, "/fhir/*");
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start Jetty", e);
        }
    }

    URI base() {
        return URI.create("http://localhost:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/fhir/");
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    private static Optional<Actor> actor(HttpServletRequest request) {
        String header = request.getHeader(USER);
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.split(":", 2);
        Set<Privilege> privileges = parts.length < 2 || parts[1].isBlank()
                ? Set.of()
                : Arrays.stream(parts[1].split(",")).map(Privilege::valueOf).collect(Collectors.toSet());
        return Optional.of(new Actor(UserId.of(parts[0]), privileges));
    }

    /** HAPI's plain server with the module server's paging and refusal mapping, authenticating every request. */
    private static final class Endpoint extends RestfulServer {

        private static final long serialVersionUID = 1L;

        private final transient RequestAuthenticator authenticator;

        Endpoint(RequestAuthenticator authenticator) {
            super(FhirContext.forR4Cached());
            this.authenticator = authenticator;
        }

        @Override
        protected void initialize() {
            setDefaultResponseEncoding(EncodingEnum.JSON);
            FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(10);
            paging.setDefaultPageSize(20);
            paging.setMaximumPageSize(100);
            setPagingProvider(paging);
            registerInterceptor(new RuleViolationResponses());
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            Optional<RequestAuthenticator.Scope> scope = authenticator.authenticate(request);
            if (scope.isEmpty()) {
                response.sendError(401);
                return;
            }
            try (RequestAuthenticator.Scope open = scope.get()) {
                super.service(request, response);
            }
        }
    }
}
