/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;

/**
 * A disclosure of recordings (REC-6) or a subject-access export (REC-7), kept on the disclosure register.
 *
 * @param id never null
 * @param patient whose recordings
 * @param recordings what was disclosed
 * @param purpose why: {@link Purpose#LEGAL}, {@link Purpose#PATIENT_OWN_USE} for subject access, or a secondary
 *     purpose (SEC-1)
 * @param authority the legal basis (complaint, claim, court order, regulator, investigation), or null for subject
 *     access and secondary purposes
 * @param recipient to whom
 * @param reference the case or request reference
 * @param disclosedBy who produced it
 * @param disclosedAt when
 */
public record Disclosure(
        String id,
        PatientId patient,
        List<RecordingId> recordings,
        Purpose purpose,
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
        purpose = purpose != null ? purpose : authority != null ? Purpose.LEGAL : Purpose.PATIENT_OWN_USE;
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(disclosedBy, "disclosedBy");
        Objects.requireNonNull(disclosedAt, "disclosedAt");
    }

    /** A legal disclosure (with its authority) or a subject access (without), as kept before purposes were kept. */
    public Disclosure(
            String id,
            PatientId patient,
            List<RecordingId> recordings,
            LegalAuthority authority,
            String recipient,
            String reference,
            UserId disclosedBy,
            Instant disclosedAt) {
        this(id, patient, recordings, null, authority, recipient, reference, disclosedBy, disclosedAt);
    }

    /** A disclosure is a fact of the past: it never ends. */
    @Override
    public Instant endedAt() {
        return null;
    }

    public boolean subjectAccess() {
        return Purpose.PATIENT_OWN_USE.equals(purpose);
    }
}
