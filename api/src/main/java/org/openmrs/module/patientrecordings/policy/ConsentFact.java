/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;

/**
 * The current state of one of the patient's recording consents, as the rules see it.
 *
 * @param id never null
 * @param kinds the recording kinds it is about; copied
 * @param purposes the purposes it is about; copied
 * @param state given, withheld or withdrawn
 * @param decidedAt when the current state was decided; the latest decision about a kind and purpose wins
 */
public record ConsentFact(
        ConsentId id, Set<RecordingKind> kinds, Set<Purpose> purposes, ConsentState state, Instant decidedAt) {

    public ConsentFact {
        Objects.requireNonNull(id, "id");
        kinds = Set.copyOf(kinds);
        purposes = Set.copyOf(purposes);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    public boolean isAbout(RecordingKind kind, Purpose purpose) {
        return kinds.contains(kind) && purposes.contains(purpose);
    }
}
