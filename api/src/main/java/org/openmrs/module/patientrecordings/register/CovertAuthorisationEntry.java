/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.time.Instant;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;

/**
 * A recorded covert-recording authorisation (COV-1), visible only to privileged users (COV-2).
 *
 * @param id never null
 * @param authorisation what was authorised
 * @param recordedBy who recorded it
 * @param recordedAt when
 * @param endedAt when it was ended early, or null
 */
public record CovertAuthorisationEntry(
        String id, CovertAuthorisation authorisation, UserId recordedBy, Instant recordedAt, Instant endedAt)
        implements RegisterEntry {

    public CovertAuthorisationEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authorisation, "authorisation");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** The authorisation as the rules see it, ended if this entry was ended by {@code at}. */
    public CovertAuthorisation asAt(Instant at) {
        CovertAuthorisation a = authorisation;
        return activeAt(at)
                ? a
                : new CovertAuthorisation(
                        a.patient(),
                        a.authorisingBody(),
                        a.reference(),
                        a.legalBasis(),
                        a.justification(),
                        a.noOtherMeans(),
                        a.validFrom(),
                        a.validUntil(),
                        true);
    }

    public CovertAuthorisationEntry ended(Instant at) {
        return new CovertAuthorisationEntry(id, authorisation, recordedBy, recordedAt, at);
    }
}
