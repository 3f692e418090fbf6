/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.shell;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.openmrs.module.patientrecordings.web.SecurityHeaders;

/**
 * Serves the browser shell (the clinician's and administrator's pages built from {@code frontend/}) from the
 * classpath, where the frontend jar puts it under {@value #RESOURCES}. The page itself is {@code index.html} with
 * the {@link ShellSettings} written in (as JSON data, never as script) and a {@code <base>} naming where the shell is
 * mounted, so that the same build works at {@code /} of the standalone server and below the module's path inside
 * OpenMRS. Hashed assets are cached for a year; the page never. Only GET and HEAD; no path leaves the shell's folder.
 */
public final class ShellServlet extends HttpServlet {

    /** Where the built shell is on the classpath. */
    public static final String RESOURCES = "org/openmrs/module/patientrecordings/shell/";

    private static final long serialVersionUID = 1L;
    private static final String SETTINGS_MARKER = "<!--shell-settings-->";
    private static final Pattern ASSET = Pattern.compile("(assets/)?[A-Za-z0-9._-]+\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("js", "text/javascript"),
            Map.entry("css", "text/css"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain"));

    /** What the shell may load: its own scripts and styles, media from the server and recordings as blobs. */
    static final String CONTENT_SECURITY_POLICY = SecurityHeaders.PAGE_CONTENT_SECURITY_POLICY;

    private final transient ShellSettings settings;
    private final transient ClassLoader loader;

    public ShellServlet(ShellSettings settings) {
        this(settings, ShellServlet.class.getClassLoader());
    }

    /** @param loader where the built shell's resources are found */
    public ShellServlet(ShellSettings settings, ClassLoader loader) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = relativePath(request);
        if (!path.isEmpty() && !path.endsWith("/") && ASSET.matcher(path).matches()) {
            serveAsset(path, response);
            return;
        }
        if (path.contains("..")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        servePage(request, response);
    }

    /** The path below the shell's mount point, without a leading slash. */
    private static String relativePath(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null) {
            // Mounted as the default servlet ("/"): the servlet path is the whole path.
            info = request.getServletPath();
        }
        return info == null ? "" : info.startsWith("/") ? info.substring(1) : info;
    }

    private void serveAsset(String path, HttpServletResponse response) throws IOException {
        try (InputStream in = loader.getResourceAsStream(RESOURCES + path)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
            SecurityHeaders.apply(response, SecurityHeaders.Answer.PAGE);
            response.setHeader(
                    "Cache-Control", path.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
            try (OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }

    private void servePage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page;
        try (InputStream in = loader.getResourceAsStream(RESOURCES + "index.html")) {
            if (in == null) {
                response.sendError(
                        HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "The browser pages were not built into this server");
                return;
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        String html = page.replace(
                SETTINGS_MARKER,
                "<base href=\"" + escape(mountPoint(request)) + "\">\n"
                        + "<script type=\"application/json\" id=\"shell-settings\">"
                        + json(context).toString().replace("<", "\\u003c")
                        + "</script>");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        SecurityHeaders.apply(response, SecurityHeaders.Answer.PAGE);
        response.getWriter().write(html);
    }

    /** Where the shell is mounted, ending with a slash: what relative asset paths resolve against. */
    private static String mountPoint(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String info = request.getPathInfo();
        String mount = info != null && uri.endsWith(info) ? uri.substring(0, uri.length() - info.length()) : null;
        if (mount == null) {
            String context = request.getContextPath() == null ? "" : request.getContextPath();
            String servletPath = request.getPathInfo() == null ? "" : request.getServletPath();
            mount = context + servletPath;
        }
        return mount.endsWith("/") ? mount : mount + "/";
    }

    private JsonObject json(String context) {
        JsonObject json = new JsonObject();
        json.addProperty("host", settings.host());
        json.addProperty("fhirBase", context + settings.fhirBase());
        json.addProperty("adminBase", context + settings.adminBase());
        if (settings.hostFhirBase() != null) {
            json.addProperty("hostFhirBase", context + settings.hostFhirBase());
        }
        if (settings.hostRestBase() != null) {
            json.addProperty("hostRestBase", context + settings.hostRestBase());
        }
        json.addProperty("sessionPath", context + settings.sessionPath());
        return json;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
