/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.disclosure;

import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;

/**
 * A request to disclose a patient's recordings: for a complaint, claim, court order, regulator or investigation
 * ({@link Purpose#LEGAL}, REC-6), or for a secondary purpose such as training or research (SEC-1).
 *
 * @param patient whose recordings
 * @param recordings which ones; empty for all of the patient's recordings
 * @param purpose why; null for {@link Purpose#LEGAL}
 * @param authority the legal basis, required for {@link Purpose#LEGAL} and no basis for any other purpose
 * @param recipient to whom, never blank
 * @param reference the case reference, or null
 * @param othersConsentedOrRedacted whether the other people captured consented (STF-2)
 */
public record DisclosureCommand(
        PatientId patient,
        List<RecordingId> recordings,
        Purpose purpose,
        LegalAuthority authority,
        String recipient,
        String reference,
        boolean othersConsentedOrRedacted) {

    public DisclosureCommand {
        Objects.requireNonNull(patient, "patient");
        recordings = recordings == null ? List.of() : List.copyOf(recordings);
        purpose = purpose == null ? Purpose.LEGAL : purpose;
    }

    /** A disclosure for a legal matter (REC-6). */
    public DisclosureCommand(
            PatientId patient,
            List<RecordingId> recordings,
            LegalAuthority authority,
            String recipient,
            String reference,
            boolean othersConsentedOrRedacted) {
        this(patient, recordings, Purpose.LEGAL, authority, recipient, reference, othersConsentedOrRedacted);
    }

    /** The legal basis the rules may rely on: only a legal disclosure has one; any other purpose is judged as a use. */
    public LegalAuthority basis() {
        return Purpose.LEGAL.equals(purpose) ? authority : null;
    }
}
