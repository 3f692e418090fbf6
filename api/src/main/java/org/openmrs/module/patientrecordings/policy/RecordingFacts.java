/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;

/**
 * What the rules need to know about an existing recording.
 *
 * @param id never null
 * @param patient whose record it belongs to
 * @param kind what it captures
 * @param initiator who made it
 * @param mode overt or covert
 * @param purposes the purposes it may currently serve; copied
 * @param state where it is in its lifecycle
 * @param othersCapturedWithoutConsent whether it captures other patients, staff or visitors who have not all
 *     consented to its use outside direct care (STF-2)
 * @param deidentified whether it is an anonymised derivative (SEC-3)
 * @param underLegalHold whether a legal hold covers it (REC-5)
 * @param retentionUntil the last day it must be kept (REC-2), or null when not yet known
 */
public record RecordingFacts(
        RecordingId id,
        PatientId patient,
        RecordingKind kind,
        Initiator initiator,
        RecordingMode mode,
        Set<Purpose> purposes,
        RecordingState state,
        boolean othersCapturedWithoutConsent,
        boolean deidentified,
        boolean underLegalHold,
        LocalDate retentionUntil) {

    public RecordingFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(mode, "mode");
        purposes = Set.copyOf(purposes);
        Objects.requireNonNull(state, "state");
    }
}
