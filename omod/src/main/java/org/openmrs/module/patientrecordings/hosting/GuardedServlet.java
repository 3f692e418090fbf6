/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.persistence.DatabaseUnavailable;
import org.openmrs.module.patientrecordings.web.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A servlet the host creates for the module that never lets the module's failure reach the host. OpenMRS stops
 * starting altogether when a module servlet's {@code init} throws (even an {@link Error} such as a library clash), so
 * this one builds what answers the requests ({@link #create}) as a step of the module's start ({@link
 * ModuleAvailability#start}) and never throws from {@link #init}. While the module is unavailable, because this step
 * or any other failed, every request gets 503 in its endpoint's error format, naming the cause ({@link
 * UnavailableAnswer}). Every answer carries the module's {@link SecurityHeaders}. The host adapter's servlets only say
 * how to build their endpoint.
 */
public abstract class GuardedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GuardedServlet.class);

    private final transient ModuleAvailability availability;
    private final transient UnavailableAnswer unavailable;
    private final String step;
    private transient volatile Endpoint endpoint;

    /**
     * @param availability the module's, shared with its other servlets and its start
     * @param unavailable how this endpoint answers while the module is unavailable
     * @param step what building the endpoint is, as in "could not {@code step}"
     */
    protected GuardedServlet(ModuleAvailability availability, UnavailableAnswer unavailable, String step) {
        this.availability = Objects.requireNonNull(availability, "availability");
        this.unavailable = Objects.requireNonNull(unavailable, "unavailable");
        this.step = Objects.requireNonNull(step, "step");
    }

    /**
     * Builds what answers this servlet's requests. Runs once, at {@link #init}, unless the module is unavailable
     * already; whatever it throws makes the module unavailable.
     */
    protected abstract Endpoint create(ServletConfig config) throws Exception;

    /** Never throws: a failure is kept by the module's {@link ModuleAvailability}, and reported there once. */
    @Override
    public final void init(ServletConfig config) {
        try {
            super.init(config);
        } catch (ServletException e) {
            availability.fail(step, e);
            return;
        }
        endpoint = availability.start(step, () -> create(config)).orElse(null);
    }

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        // First, so that every answer has them, a 503 or a refusal too; the shell replaces them on its pages.
        SecurityHeaders.apply(response, SecurityHeaders.Answer.API);
        Endpoint current = endpoint;
        Optional<ModuleAvailability.Failure> failure = availability.failure();
        if (current == null || failure.isPresent()) {
            unavailable.write(
                    response,
                    failure.orElseGet(() ->
                            new ModuleAvailability.Failure(step, new IllegalStateException("it was never started"))));
            return;
        }
        try {
            current.service(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            // Before the endpoint could answer (the unit of work could not begin, or commit): it changed nothing.
            LOG.warn("event=database_unavailable step=\"{}\" cause=\"{}\"", step, e.getMessage());
            unavailable.writeDatabaseUnavailable(response);
        }
    }

    @Override
    public void destroy() {
        Endpoint current = endpoint;
        endpoint = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                LOG.warn("Patient Recordings could not close its endpoint cleanly ({})", step, e);
            }
        }
        super.destroy();
    }

    /** What answers the requests of a {@link GuardedServlet}. */
    public interface Endpoint extends AutoCloseable {

        void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException;

        /** Releases what the endpoint holds, when the host takes the servlet down. */
        @Override
        default void close() {}
    }
}
