/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * One request as a handler sees it: the path parameters of its route, query parameters, the JSON body and the
 * {@code If-Match} version. Malformed input is refused with SAF-4 naming the parameter.
 */
final class Call {

    private final HttpServletRequest request;
    private final Map<String, String> pathParameters;

    Call(HttpServletRequest request, Map<String, String> pathParameters) {
        this.request = Objects.requireNonNull(request, "request");
        this.pathParameters = Map.copyOf(pathParameters);
    }

    /** A path parameter of the route, e.g. {@code site}. */
    String path(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("the route has no parameter " + name);
        }
        return value;
    }

    /** A path parameter that must be a whole number. */
    int pathInt(String name) {
        return integer(path(name), name);
    }

    /** A query parameter, or null when absent or blank. */
    String query(String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A required whole-number query parameter. */
    int queryInt(String name) {
        String value = query(name);
        if (value == null) {
            throw RuleViolationException.of(ErrorCode.SAF_4, "The query parameter " + name + " is required", name);
        }
        return integer(value, name);
    }

    /**
     * A whole-number query parameter from 0 to {@code max}, or {@code absent} when it is not given.
     *
     * @throws RuleViolationException SAF-4 naming the parameter when it is not such a number
     */
    int queryInt(String name, int absent, int max) {
        String value = query(name);
        if (value == null) {
            return absent;
        }
        int number = integer(value, name);
        if (number < 0 || number > max) {
            throw RuleViolationException.of(
                    ErrorCode.SAF_4, name + " must be from 0 to " + max + ", not " + number, name);
        }
        return number;
    }

    /** This request's address with the query parameter {@code name} set to {@code value}, the others kept. */
    String linkWith(String name, String value) {
        StringBuilder link = new StringBuilder(request.getRequestURL());
        String separator = "?";
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            for (String part : query.split("&")) {
                if (!part.isEmpty() && !part.equals(name) && !part.startsWith(name + "=")) {
                    link.append(separator).append(part);
                    separator = "&";
                }
            }
        }
        return link.append(separator)
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                .toString();
    }

    /** A true/false query parameter, or null when absent. */
    Boolean queryBoolean(String name) {
        String value = query(name);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw RuleViolationException.of(ErrorCode.SAF_4, name + " must be true or false", name);
    }

    /** An instant query parameter: an ISO instant, or a date meaning its start (UTC); null when absent. */
    Instant queryInstant(String name) {
        String value = query(name);
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw RuleViolationException.of(
                    ErrorCode.SAF_4, name + " must be a date (2025-03-10) or an instant (2025-03-10T09:00:00Z)", name);
        }
    }

    /**
     * The version named by {@code If-Match} ({@code "3"}, {@code W/"3"} or {@code 3}), or null when absent.
     */
    Integer ifMatch() {
        String header = request.getHeader("If-Match");
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        return integer(tag.replace("\"", ""), "If-Match");
    }

    /** The body as JSON; SAF-4 when it is empty or not JSON. */
    JsonElement body() throws IOException {
        try (Reader reader = request.getReader()) {
            JsonElement body = JsonParser.parseReader(reader);
            if (body == null || body.isJsonNull()) {
                throw RuleViolationException.of(ErrorCode.SAF_4, "A JSON body is required", "");
            }
            return body;
        } catch (JsonParseException e) {
            throw RuleViolationException.of(ErrorCode.SAF_4, "The body is not JSON: " + e.getMessage(), "");
        }
    }

    /** The body as a reader, for a handler that parses it itself. */
    Reader reader() throws IOException {
        return request.getReader();
    }

    private static int integer(String value, String name) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw RuleViolationException.of(ErrorCode.SAF_4, name + " must be a whole number, not " + value, name);
        }
    }
}
