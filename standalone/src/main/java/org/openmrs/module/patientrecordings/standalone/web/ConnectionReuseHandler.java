/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Tells the client when a connection will not be reused. A request refused before its body is read (a sign-in that
 * is not JSON, a change without the CSRF token or the privilege, a bad parameter) is answered at once; Jetty then
 * discards what of the body has arrived and closes the connection if the rest has not, but once the answer is on its
 * way it can no longer say so, and a client that sends its next request on that connection gets no answer at all
 * (Java's HTTP client: "header parser received no bytes"; it does not retry a POST). So when an answer is about to
 * start while the request's body is still unread, this discards what has arrived and, if the body has not all come,
 * marks the answer {@code Connection: close}. A request whose body was read, or that has none, is not touched.
 */
final class ConnectionReuseHandler extends Handler.Wrapper {

    ConnectionReuseHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!hasBody(request.getHeaders())) {
            return super.handle(request, response, callback);
        }
        return super.handle(
                request,
                new Response.Wrapper(request, response) {
                    @Override
                    public void write(boolean last, ByteBuffer content, Callback written) {
                        if (!isCommitted() && !request.consumeAvailable()) {
                            getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                        }
                        super.write(last, content, written);
                    }
                },
                callback);
    }

    private static boolean hasBody(HttpFields headers) {
        return headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0 || headers.contains(HttpHeader.TRANSFER_ENCODING);
    }
}
