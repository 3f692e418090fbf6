/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.util.Objects;
import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.persistence.IdempotencyKey;
import org.openmrs.module.patientrecordings.persistence.IdempotentCreation;
import org.openmrs.module.patientrecordings.persistence.IdempotentCreator;

/**
 * Conditional creates of Media kept in the database ({@code patientrecordings_idempotency}, scope {@value #SCOPE}):
 * the key is recorded in the transaction that starts the recording, under a unique constraint, so a key never exists
 * without its recording or a recording without its key, and every server on the database, restarted or not, returns
 * the same recording for the same key. A key longer than a column is stored as its SHA-256.
 *
 * <p>Within one server, conditional creates take turns before they reach the database. Each request already
 * holds a pooled connection for its unit of work, the creating transaction needs a second one and the audit log a
 * third: a request blocked in the database on another's uncommitted key, or many creating transactions at once,
 * would hold connections that a creating transaction needs to finish. One at a time, a burst of conditional creates
 * needs one connection each plus two; the standalone server admits only as many requests at once as its pool can
 * serve with their extra connections ({@code UnitOfWorkGate}, {@code ConnectionBudget}), so the turn holder always
 * gets them. Across servers, each with its own pool, the unique constraint alone decides.
 */
public final class DatabaseConditionalCreates implements ConditionalCreates {

    /** The idempotency scope of Media creates. */
    static final String SCOPE = "media";

    private final IdempotentCreator creator;
    private final Object turn = new Object();

    public DatabaseConditionalCreates(IdempotentCreator creator) {
        this.creator = Objects.requireNonNull(creator, "creator");
    }

    @Override
    public Result createOnce(String key, Supplier<RecordingId> create) {
        IdempotencyKey stored = key.length() <= IdempotencyKey.MAX_VALUE
                ? new IdempotencyKey(SCOPE, key)
                : IdempotencyKey.hashed(SCOPE, key);
        IdempotentCreation<String> creation;
        synchronized (turn) {
            creation = creator.createOnce(stored, () -> create.get().value());
        }
        return new Result(RecordingId.of(creation.value()), creation.created());
    }
}
