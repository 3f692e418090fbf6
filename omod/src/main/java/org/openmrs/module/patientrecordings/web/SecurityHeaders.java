/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Objects;

/**
 * The security headers of every answer the module gives, on either host (SAF-3): the standalone server puts
 * {@link Answer#API}'s on every response before anything runs, the OpenMRS servlets on every request they serve, and
 * the browser shell replaces them with {@link Answer#PAGE}'s on its pages and assets.
 *
 * <p>Why each: {@code nosniff} so that no upload or answer is run as a script or a page because of its bytes;
 * {@code no-store} so that personal data and recordings stay out of browser and proxy caches (the shell's fingerprinted
 * assets set their own); {@code no-referrer} so that no URL, which may carry a patient or recording id, leaves with a
 * link; the API answers may not be framed at all, the pages only by their own origin (OpenMRS may show them in its
 * own frame), and an API answer shown in a browser runs nothing. See the
 * <a href="https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html">OWASP HTTP headers cheat
 * sheet</a>.
 */
public final class SecurityHeaders {

    /** What the shell's pages may load: its own scripts and styles, media from the server and recordings as blobs. */
    public static final String PAGE_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:;"
            + " font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    /** An API answer loads nothing and may not be framed. */
    public static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** What an answer is, for its headers. */
    public enum Answer {
        /** FHIR, administration, health, sign-in and every error answer: data, never shown as a page. */
        API(Map.of(
                "X-Content-Type-Options", "nosniff",
                "Cache-Control", "no-store",
                "Referrer-Policy", "no-referrer",
                "X-Frame-Options", "DENY",
                "Content-Security-Policy", API_CONTENT_SECURITY_POLICY)),
        /** The browser shell's pages and assets. */
        PAGE(Map.of(
                "X-Content-Type-Options", "nosniff",
                "Cache-Control", "no-store",
                "Referrer-Policy", "no-referrer",
                "X-Frame-Options", "SAMEORIGIN",
                "Content-Security-Policy", PAGE_CONTENT_SECURITY_POLICY));

        private final Map<String, String> headers;

        Answer(Map<String, String> headers) {
            this.headers = headers;
        }

        /** @return header name to value, unmodifiable */
        public Map<String, String> headers() {
            return headers;
        }
    }

    private SecurityHeaders() {}

    /**
     * Sets the answer's headers, replacing any set before; call before the body is written. A servlet may replace
     * one afterwards (an asset's Cache-Control).
     */
    public static void apply(HttpServletResponse response, Answer answer) {
        Objects.requireNonNull(response, "response");
        answer.headers().forEach(response::setHeader);
    }
}
