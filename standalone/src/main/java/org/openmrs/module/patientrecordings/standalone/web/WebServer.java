/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The embedded Jetty 12 (ee10) server: one context at {@code /} with the FHIR servlet at {@code /fhir/*} and the
 * administration API at {@code /admin/*}, each of their requests in one unit of work, authenticated by the browser
 * session filter and then the HTTP Basic filter (which also guards {@code /health}); sign-in at {@code /session}; and
 * the browser shell, public, at every other path. Stopping lets requests in progress finish for up to the stop
 * timeout while new ones are refused. An answer given before its request's body was read leaves the connection
 * usable for the next request ({@link ConnectionReuseHandler}).
 */
public final class WebServer implements AutoCloseable {

    private final Server server;
    private static final int IO_BUFFER_BYTES = 128 * 1024;

    /**
     * The largest buffer kept for reuse: above the 256 KiB in which every answer is held until its unit of work ends
     * ({@code AnswerAfterCommit}) and the content's I/O buffers. Jetty's default pool keeps none over 64 KiB, so each
     * answer allocated, zeroed and dropped a direct buffer of its own.
     */
    static final int POOLED_BUFFER_BYTES = 512 * 1024;

    /** At most this much direct memory is kept in pooled buffers between requests. */
    static final long POOLED_DIRECT_BYTES = 32L * 1024 * 1024;

    private final ServerConnector connector;

    private WebServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** The buffers requests and answers are read and written through, reused from one request to the next. */
    static ByteBufferPool bufferPool() {
        return new ArrayByteBufferPool(0, 0, POOLED_BUFFER_BYTES, -1, 0, POOLED_DIRECT_BYTES);
    }

    /**
     * Starts listening.
     *
     * @param mounts what to serve
     * @param bindAddress the address to listen on
     * @param port the port, 0 for any free one
     * @param stopTimeout how long {@link #close()} waits for requests in progress
     * @param forwardedHeaders whether to take each request's scheme, host, port and client address from the {@code
     *     Forwarded} or {@code X-Forwarded-*} headers of the reverse proxy in front
     * @throws IllegalStateException when the server cannot start (port taken, servlet init failed)
     */
    public static WebServer start(
            Mounts mounts, String bindAddress, int port, Duration stopTimeout, boolean forwardedHeaders) {
        Objects.requireNonNull(mounts, "mounts");
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        Server server = new Server(threads, null, bufferPool());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Recordings arrive and leave in hundreds of megabytes: bigger buffers than Jetty's defaults (8 KiB in,
        // 32 KiB out) take far fewer system calls per byte.
        http.setOutputBufferSize(IO_BUFFER_BYTES);
        if (forwardedHeaders) {
            // Behind a TLS-terminating proxy the request arrives as plain HTTP from the proxy: the links the server
            // writes (Bundle links, Location) and the Secure attribute of its cookies must follow what the client
            // used, which only the proxy's headers say.
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        HttpConnectionFactory connections = new HttpConnectionFactory(http);
        connections.setInputBufferSize(IO_BUFFER_BYTES);
        ServerConnector connector = new ServerConnector(server, connections);
        // A connection on which nothing moves for this long is closed, mid-request or between requests.
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.setHost(bindAddress);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        EnumSet<DispatcherType> requests = EnumSet.of(DispatcherType.REQUEST);
        FilterHolder outage = new FilterHolder(new DatabaseOutageFilter());
        for (String path : List.of("/fhir/*", "/admin/*", "/session", "/health")) {
            context.addFilter(outage, path, requests);
        }
        FilterHolder session = new FilterHolder(mounts.session());
        context.addFilter(session, "/fhir/*", requests);
        context.addFilter(session, "/admin/*", requests);
        FilterHolder basic = new FilterHolder(mounts.authentication());
        context.addFilter(basic, "/fhir/*", requests);
        context.addFilter(basic, "/admin/*", requests);
        context.addFilter(basic, "/health", requests);
        context.addServlet(new ServletHolder("health", mounts.health()), "/health");
        context.addServlet(new ServletHolder("session", mounts.signIn()), "/session");
        context.addServlet(new ServletHolder("shell", mounts.shell()), "/");
        ServletHolder fhir = new ServletHolder("fhir", mounts.fhir());
        fhir.setInitOrder(1);
        context.addServlet(fhir, "/fhir/*");
        FilterHolder unitOfWork = new FilterHolder(mounts.unitOfWork());
        context.addFilter(unitOfWork, "/fhir/*", requests);
        context.addFilter(unitOfWork, "/admin/*", requests);
        context.addServlet(new ServletHolder("admin", mounts.admin()), "/admin/*");

        context.setErrorHandler(new ErrorResponses());
        server.setErrorHandler(new ErrorResponses.ServerLevel());
        server.setHandler(new ConnectionReuseHandler(new SecurityHeadersHandler(new GracefulHandler(context))));
        server.setStopTimeout(stopTimeout.toMillis());
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server, e);
            throw new IllegalStateException("cannot start the HTTP server on " + bindAddress + ":" + port, e);
        }
        return new WebServer(server, connector);
    }

    /** How long a connection may stay silent. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    /** The port listened on (the chosen one when 0 was asked for). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops gracefully: no new requests, those in progress finish within the stop timeout. */
    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static void stopQuietly(Server server, Exception cause) {
        try {
            server.stop();
        } catch (Exception stopFailure) {
            cause.addSuppressed(stopFailure);
        }
    }

    /**
     * What the server serves.
     *
     * @param session the browser session's authentication, in front of {@code /fhir/*} and {@code /admin/*}
     * @param authentication HTTP Basic, after it and in front of {@code /health}
     * @param health at {@code /health}
     * @param fhir at {@code /fhir/*}
     * @param admin the administration API at {@code /admin/*}
     * @param unitOfWork in front of {@code /fhir/*} and {@code /admin/*}, after authentication
     * @param signIn sign-in and sign-out at {@code /session}
     * @param shell the browser shell at every other path
     */
    public record Mounts(
            Filter session,
            Filter authentication,
            Servlet health,
            Servlet fhir,
            Servlet admin,
            Filter unitOfWork,
            Servlet signIn,
            Servlet shell) {
        public Mounts {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(signIn, "signIn");
            Objects.requireNonNull(shell, "shell");
            Objects.requireNonNull(authentication, "authentication");
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(fhir, "fhir");
            Objects.requireNonNull(admin, "admin");
            Objects.requireNonNull(unitOfWork, "unitOfWork");
        }
    }
}
