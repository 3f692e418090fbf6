/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.openmrs.module.patientrecordings.web.SecurityHeaders;

/**
 * Puts the module's API {@link SecurityHeaders} on every response before any filter or servlet runs, so that
 * refusals by the authentication filters and Jetty's own error answers carry them too; the browser shell replaces
 * them with its page headers. What Jetty refuses before any handler runs gets them from {@link ErrorResponses}.
 */
final class SecurityHeadersHandler extends Handler.Wrapper {

    SecurityHeadersHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        secure(response.getHeaders());
        return super.handle(request, response, callback);
    }

    /** Puts the API headers, replacing any of the same name. */
    static void secure(HttpFields.Mutable headers) {
        SecurityHeaders.Answer.API.headers().forEach(headers::put);
    }
}
