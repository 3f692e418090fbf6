/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.domain.RecordingId;

/**
 * Creates a recording at most once per client key: what a conditional create ({@code If-None-Exist:
 * identifier=system|value}) needs. The first request with a key creates; every later one, and every one racing it,
 * gets the same recording back. {@link IdempotencyKeys} keeps the keys in memory (tests, embedded use); a host with a
 * database keeps them there, committed with the recording, so that they hold across restarts and across instances
 * sharing the database.
 */
public interface ConditionalCreates {

    /**
     * @param key the identifier of the condition, {@code system|value} (see {@link IdempotencyKeys#key})
     * @param create creates the recording and returns its id; called only for the request that wins the key, and
     *     never for a key that already has a recording
     * @return the recording of this key, and whether this call created it
     */
    Result createOnce(String key, Supplier<RecordingId> create);

    /**
     * @param id the recording
     * @param created whether this request created it
     */
    record Result(RecordingId id, boolean created) {}
}
