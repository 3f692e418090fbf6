/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.web;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Keeps a connection usable after an answer given before its request's body was read: a sign-in that is not JSON,
 * a change without the CSRF token or the privilege, a bad parameter, a body sent with a GET. Left to itself, Jetty
 * drops what of such a body has arrived and closes the connection when the rest has not, but by then the answer has
 * gone without saying so, and a client that sends its next request on that connection gets no answer at all (Java's
 * HTTP client: "header parser received no bytes"; it does not retry a POST).
 *
 * <p>So when an answer is about to start while the body is still unread, the rest of the body is read and dropped
 * first, as Tomcat does inside OpenMRS: up to {@link #DISCARD_LIMIT} bytes, waiting at most {@link #DISCARD_WAIT}
 * for them. A longer body, or one that does not come in time, is not waited for: the answer then says {@code
 * Connection: close}. A request without a body, or whose body was read, is not touched; nor is one that expects
 * {@code 100 Continue}, whose client sends no body unless asked.
 */
final class ConnectionReuseHandler extends Handler.Wrapper {

    /** The most of an unread body read to keep its connection (Tomcat's default: 2 MiB). */
    static final long DISCARD_LIMIT = 2L * 1024 * 1024;

    /** The longest wait for the rest of an unread body. */
    static final Duration DISCARD_WAIT = Duration.ofSeconds(5);

    ConnectionReuseHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!hasBody(request.getHeaders())) {
            return super.handle(request, response, callback);
        }
        // Jetty asks the request to consume what is left when an answer was complete before it started (a short
        // refusal, written at the end); a longer answer starts at its first write.
        Request discarding = new Request.Wrapper(request) {
            @Override
            public boolean consumeAvailable() {
                return discardRest(getWrapped());
            }
        };
        return super.handle(
                discarding,
                new Response.Wrapper(discarding, response) {
                    @Override
                    public void write(boolean last, ByteBuffer content, Callback written) {
                        if (!isCommitted() && !discardRest(request)) {
                            getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                        }
                        super.write(last, content, written);
                    }
                },
                callback);
    }

    private static boolean hasBody(HttpFields headers) {
        return (headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0 || headers.contains(HttpHeader.TRANSFER_ENCODING))
                && !headers.contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
    }

    /**
     * Reads and drops what is left of the request's body, when it is short and comes in time.
     *
     * @return whether the body has now been read to its end
     */
    static boolean discardRest(Request request) {
        if (request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > DISCARD_LIMIT) {
            return request.consumeAvailable();
        }
        long deadline = System.nanoTime() + DISCARD_WAIT.toNanos();
        long read = 0;
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0 || !awaitMore(request, wait)) {
                    return false;
                }
                continue;
            }
            if (Content.Chunk.isFailure(chunk)) {
                return false;
            }
            read += chunk.remaining();
            boolean end = chunk.isLast();
            chunk.release();
            if (end) {
                return true;
            }
            if (read > DISCARD_LIMIT) {
                return false;
            }
        }
    }

    private static boolean awaitMore(Request request, long nanos) {
        CountDownLatch more = new CountDownLatch(1);
        request.demand(more::countDown);
        try {
            return more.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
