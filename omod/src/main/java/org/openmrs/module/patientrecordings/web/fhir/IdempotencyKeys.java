/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * Conditional create by a client-supplied identifier ({@code If-None-Exist: identifier=system|value}): the first
 * request with a key starts the recording, every later one gets that recording back. Two requests with one key
 * cannot both start one: the second waits for the first. Kept in this server's memory: it holds for retries within
 * the life of one server instance, not across restarts or instances (that needs the key stored with the recording
 * under a unique constraint).
 */
final class IdempotencyKeys {

    private final Map<String, RecordingId> created = new ConcurrentHashMap<>();

    /**
     * @param ifNoneExist the header's value, e.g. {@code identifier=urn:uuid|1f0c...}
     * @param start starts the recording; called at most once per key
     * @return the recording of this key, and whether this call created it
     * @throws RuleViolationException SAF-4 when the condition is not a single identifier
     */
    Result createOnce(String ifNoneExist, Supplier<RecordingId> start) {
        String key = key(ifNoneExist);
        boolean[] fresh = {false};
        RecordingId id = created.computeIfAbsent(key, k -> {
            fresh[0] = true;
            return start.get();
        });
        return new Result(id, fresh[0]);
    }

    /** The identifier's system and value; the resource-type prefix, if any, is dropped. */
    static String key(String ifNoneExist) {
        String condition =
                ifNoneExist.contains("?") ? ifNoneExist.substring(ifNoneExist.indexOf('?') + 1) : ifNoneExist;
        if (!condition.startsWith("identifier=") || condition.contains("&") || condition.length() == 11) {
            throw RuleViolationException.of(
                    ErrorCode.SAF_4,
                    "Conditional create supports one condition: identifier=system|value",
                    "If-None-Exist");
        }
        return java.net.URLDecoder.decode(condition.substring(11), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @param id the recording
     * @param created whether this request started it
     */
    record Result(RecordingId id, boolean created) {}
}
