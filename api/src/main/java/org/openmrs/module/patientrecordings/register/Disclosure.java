/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;

/**
 * A disclosure of recordings (REC-6) or a subject-access export (REC-7), kept on the disclosure register.
 *
 * @param id never null
 * @param patient whose recordings
 * @param recordings what was disclosed
 * @param authority the basis (complaint, claim, court order, regulator, investigation), or null for subject access
 * @param recipient to whom
 * @param reference the case or request reference
 * @param disclosedBy who produced it
 * @param disclosedAt when
 */
public record Disclosure(
        String id,
        PatientId patient,
        List<RecordingId> recordings,
        LegalAuthority authority,
        String recipient,
        String reference,
        UserId disclosedBy,
        Instant disclosedAt)
        implements RegisterEntry {

    public Disclosure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        recordings = List.copyOf(recordings);
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(disclosedBy, "disclosedBy");
        Objects.requireNonNull(disclosedAt, "disclosedAt");
    }

    /** A disclosure is a fact of the past: it never ends. */
    @Override
    public Instant endedAt() {
        return null;
    }

    public boolean subjectAccess() {
        return authority == null;
    }
}
