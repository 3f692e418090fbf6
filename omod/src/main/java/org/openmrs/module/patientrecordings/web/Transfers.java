/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * Which requests are content transfers, told from the request line and headers alone, before its unit of work starts
 * and before a byte of its body is read ({@link UnitOfWorkGate}): those that stream content for as long as the client
 * reads or sends it.
 *
 * <ul>
 *   <li>the raw bytes of a recording: {@code GET Binary/{recording}-content} not asking for FHIR, and {@code GET
 *       Media/{id}/$binary-access-read};
 *   <li>an upload, whole or a chunk: {@code POST} or {@code PUT Media/{id}/$binary-access-write};
 *   <li>a disclosure or subject access package asked for as a zip ({@code Media/{id}/$disclose}, {@code
 *       Patient/{id}/$subject-access} with {@code Accept: application/zip}), which carries the content of its
 *       recordings;
 *   <li>any request that announces a body of more than {@value #LARGE_BODY_BYTES} bytes.
 * </ul>
 *
 * The paths are those of the FHIR endpoint, read from the path within its servlet; a request of any other shape is
 * not a transfer.
 */
public final class Transfers {

    /** A body announced larger than this takes long enough to arrive to count as a transfer, whatever its route. */
    public static final long LARGE_BODY_BYTES = 1024 * 1024;

    private static final Pattern RAW_BINARY = Pattern.compile("/Binary/[^/]+");
    private static final Pattern BINARY_READ = Pattern.compile("/Media/[^/]+/\\$binary-access-read");
    private static final Pattern BINARY_WRITE = Pattern.compile("/Media/[^/]+/\\$binary-access-write");
    private static final Pattern PACKAGE =
            Pattern.compile("/(Media/[^/]+/\\$disclose|Patient/[^/]+/\\$subject-access)");

    private Transfers() {}

    /** @return whether the request streams content (see the class description) */
    public static boolean isTransfer(ServletRequest request) {
        if (!(request instanceof HttpServletRequest http)) {
            return false;
        }
        if (http.getContentLengthLong() > LARGE_BODY_BYTES) {
            return true;
        }
        String method = http.getMethod();
        String path = http.getPathInfo();
        if (method == null || path == null) {
            return false;
        }
        String accept = header(http, "Accept");
        return switch (method) {
            case "GET" ->
                RAW_BINARY.matcher(path).matches() && !accept.contains("fhir") && format(http) == null
                        || BINARY_READ.matcher(path).matches()
                        || PACKAGE.matcher(path).matches() && accept.contains("application/zip");
            case "POST" ->
                BINARY_WRITE.matcher(path).matches()
                        || PACKAGE.matcher(path).matches() && accept.contains("application/zip");
            case "PUT" -> BINARY_WRITE.matcher(path).matches();
            default -> false;
        };
    }

    /** As the servlets read it: case matters to them, so it does here. */
    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null ? "" : value;
    }

    /** The {@code _format} of a GET, from its query string: a GET's parameters are read without touching a body. */
    private static String format(HttpServletRequest request) {
        return request.getParameter("_format");
    }
}
