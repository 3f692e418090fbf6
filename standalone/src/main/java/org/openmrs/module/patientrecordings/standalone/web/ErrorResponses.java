/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * What Jetty answers for the requests it refuses itself, before a servlet runs (an ambiguous or encoded path such as
 * {@code ..%2F}, a NUL byte, a request it cannot parse): under {@code /fhir} an OperationOutcome, under
 * {@code /admin} the administration API's issues ({@link ErrorBodies}), with the status Jetty chose. The browser
 * pages keep Jetty's own page. Nothing names a class or shows a stack. Every one carries the security headers
 * ({@link SecurityHeadersHandler}).
 */
final class ErrorResponses extends ErrorHandler {

    private static final String BAD_MESSAGE = "/badMessage";

    ErrorResponses() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        SecurityHeadersHandler.secure(response.getHeaders());
        if (!writeForApi(request, response, code, message, callback)) {
            super.generateResponse(request, response, code, message, cause, callback);
        }
    }

    @Override
    protected boolean generateAcceptableResponse(
            Request request,
            Response response,
            Callback callback,
            String contentType,
            List<Charset> charsets,
            int code,
            String message,
            Throwable cause)
            throws IOException {
        SecurityHeadersHandler.secure(response.getHeaders());
        return writeForApi(request, response, code, message, callback)
                || super.generateAcceptableResponse(
                        request, response, callback, contentType, charsets, code, message, cause);
    }

    /** Writes the body for a path of the APIs; false for any other path. */
    static boolean writeForApi(Request request, Response response, int code, String message, Callback callback) {
        String path = request.getHttpURI().getPath();
        // A request Jetty could not parse at all (a NUL byte in its URI) reaches here as /badMessage: its path is
        // unknown, so it is answered as the FHIR API answers.
        boolean unparsed = BAD_MESSAGE.equals(path);
        if (!unparsed && (path == null || !(path.startsWith("/fhir") || path.startsWith("/admin")))) {
            return false;
        }
        path = unparsed ? null : path;
        String format = null;
        try {
            Fields query = Request.extractQueryParameters(request);
            format = query.getValue("_format");
        } catch (RuntimeException unreadable) {
            // A query Jetty cannot decode: answer in the default format.
        }
        ErrorBodies.Body body = ErrorBodies.of(
                path,
                request.getHeaders().get(HttpHeader.ACCEPT),
                format,
                ErrorBodies.codeFor(code),
                text(code, message));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
        response.write(true, ByteBuffer.wrap(body.bytes()), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        return unparsed(status, reason, fields);
    }

    static ByteBuffer unparsed(int status, String reason, HttpFields.Mutable fields) {
        SecurityHeadersHandler.secure(fields);
        ErrorBodies.Body body = ErrorBodies.of(null, null, null, ErrorBodies.codeFor(status), text(status, reason));
        fields.put(HttpHeader.CONTENT_TYPE, body.contentType());
        return ByteBuffer.wrap(body.bytes());
    }

    /**
     * The server's own error handler, for what Jetty refuses before any context runs (a URI that violates its
     * compliance rules, such as an encoded {@code ..%2F} or a NUL byte): the servlet one writes nothing there.
     */
    static final class ServerLevel extends org.eclipse.jetty.server.handler.ErrorHandler {

        ServerLevel() {
            setShowStacks(false);
            setShowCauses(false);
        }

        @Override
        protected void generateResponse(
                Request request, Response response, int code, String message, Throwable cause, Callback callback)
                throws IOException {
            SecurityHeadersHandler.secure(response.getHeaders());
            if (!writeForApi(request, response, code, message, callback)) {
                super.generateResponse(request, response, code, message, cause, callback);
            }
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            return unparsed(status, reason, fields);
        }
    }

    private static String text(int status, String message) {
        if (status >= 500) {
            return "The server could not complete the request";
        }
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        return "The request was refused: " + reason;
    }
}
