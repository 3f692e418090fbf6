/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a handler answers: a status, a JSON body and extra headers.
 *
 * @param status the HTTP status
 * @param body the JSON body, never null
 * @param headers extra response headers (ETag, Content-Disposition); copied
 */
record Reply(int status, JsonElement body, Map<String, String> headers) {

    Reply {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    static Reply ok(JsonElement body) {
        return new Reply(200, body, Map.of());
    }

    static Reply created(JsonElement body) {
        return new Reply(201, body, Map.of());
    }

    /** This reply with one more header. */
    Reply with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Reply(status, body, more);
    }

    /** This reply carrying the version as an entity tag, for a later {@code If-Match}. */
    Reply tagged(int version) {
        return with("ETag", "\"" + version + "\"");
    }
}
