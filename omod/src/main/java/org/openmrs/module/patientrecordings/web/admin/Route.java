/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One endpoint: an HTTP method, a path template such as {@code /sites/{site}/policy/versions/{n}}, who may call it
 * and its handler.
 *
 * @param method upper case, e.g. {@code GET}
 * @param template segments separated by {@code /}; a segment in braces is a parameter
 * @param access who may call it (SAF-3), checked before the handler runs
 * @param handler what answers
 */
record Route(String method, String template, Access access, Handler handler) {

    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
    }

    /** The path parameters when {@code path} fits the template, by name. */
    Optional<Map<String, String>> match(String path) {
        List<String> want = segments(template);
        List<String> got = segments(path);
        if (want.size() != got.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < want.size(); i++) {
            String w = want.get(i);
            if (w.startsWith("{") && w.endsWith("}")) {
                if (got.get(i).isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(w.substring(1, w.length() - 1), got.get(i));
            } else if (!w.equals(got.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return List.of(trimmed.split("/", -1));
    }

    /** Answers one call. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call) throws IOException;
    }
}
