/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.time.Instant;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;

/**
 * A legal hold on a patient's recordings for a complaint, claim or formal investigation (REC-5): nothing held can
 * be disposed of, sealed content included.
 *
 * @param id never null
 * @param patient whose recordings are held
 * @param basis complaint, claim, investigation, court order or regulator
 * @param reference the case reference
 * @param placedBy who placed it
 * @param placedAt when
 * @param endedAt when it was lifted, or null
 * @param liftedBy who lifted it, or null
 * @param liftReason why it was lifted, or null
 */
public record LegalHold(
        String id,
        PatientId patient,
        LegalAuthority basis,
        String reference,
        UserId placedBy,
        Instant placedAt,
        Instant endedAt,
        UserId liftedBy,
        String liftReason)
        implements RegisterEntry {

    public LegalHold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(placedBy, "placedBy");
        Objects.requireNonNull(placedAt, "placedAt");
    }

    public LegalHold lifted(Instant at, UserId by, String reason) {
        return new LegalHold(id, patient, basis, reference, placedBy, placedAt, at, by, reason);
    }
}
