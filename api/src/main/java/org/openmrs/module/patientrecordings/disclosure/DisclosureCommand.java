/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.disclosure;

import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;

/**
 * A request to disclose a patient's recordings for a complaint, claim, court order, regulator or investigation.
 *
 * @param patient whose recordings
 * @param recordings which ones; empty for all of the patient's recordings
 * @param authority the basis, never null
 * @param recipient to whom, never blank
 * @param reference the case reference, never blank
 * @param othersConsentedOrRedacted whether the other people captured consented (STF-2)
 */
public record DisclosureCommand(
        PatientId patient,
        List<RecordingId> recordings,
        LegalAuthority authority,
        String recipient,
        String reference,
        boolean othersConsentedOrRedacted) {

    public DisclosureCommand {
        Objects.requireNonNull(patient, "patient");
        recordings = recordings == null ? List.of() : List.copyOf(recordings);
    }
}
