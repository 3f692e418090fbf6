/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * Conditional create by a client-supplied identifier ({@code If-None-Exist: identifier=system|value}), kept in this
 * server's memory: the first request with a key starts the recording, every later one gets that recording back. Two
 * requests with one key cannot both start one: the second waits for the first. It holds within the life of one
 * server instance, not across restarts or instances: a host with a database uses a {@link ConditionalCreates} that
 * stores the key with the recording under a unique constraint.
 */
public final class IdempotencyKeys implements ConditionalCreates {

    private final Map<String, RecordingId> created = new ConcurrentHashMap<>();

    @Override
    public Result createOnce(String key, Supplier<RecordingId> start) {
        boolean[] fresh = {false};
        RecordingId id = created.computeIfAbsent(key, k -> {
            fresh[0] = true;
            return start.get();
        });
        return new Result(id, fresh[0]);
    }

    /**
     * The identifier's system and value; the resource-type prefix, if any, is dropped.
     *
     * @param ifNoneExist the header's value, e.g. {@code identifier=urn:uuid|1f0c...}
     * @throws RuleViolationException SAF-4 when the condition is not a single identifier
     */
    public static String key(String ifNoneExist) {
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
}
