/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.time.Instant;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * An entry of the destruction register (REC-4): what was destroyed, when, by whom and under which rule.
 *
 * @param id never null
 * @param recording what was destroyed
 * @param patient whose record it belonged to
 * @param sha256 the hash of the destroyed content, so the entry identifies it without keeping it; null when no
 *     content was ever stored
 * @param destroyedAt when
 * @param destroyedBy who
 * @param rule the rule it was destroyed under: REC-4 (retention ended), CON-5 or CON-6 (consent withdrawn)
 * @param detail e.g. the retention end and schedule; no patient-identifying text
 */
public record DestructionEntry(
        String id,
        RecordingId recording,
        PatientId patient,
        String sha256,
        Instant destroyedAt,
        UserId destroyedBy,
        ErrorCode rule,
        String detail)
        implements RegisterEntry {

    public DestructionEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(destroyedAt, "destroyedAt");
        Objects.requireNonNull(destroyedBy, "destroyedBy");
        Objects.requireNonNull(rule, "rule");
    }

    /** A destruction is final: the entry never ends. */
    @Override
    public Instant endedAt() {
        return null;
    }
}
