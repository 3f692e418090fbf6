/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;

/**
 * A request to start (or, for a patient's shared copy, to add) a recording, with every fact the rules need.
 *
 * @param actor who asks
 * @param patient the patient recorded
 * @param kind what is recorded
 * @param initiator who records
 * @param mode overt or covert
 * @param purposes why; copied; at least one is expected (SAF-4 otherwise)
 * @param defenceReason the stated reason when a purpose is only defensive (CON-11), or null
 * @param site the policy version in force at the site
 * @param consents the patient's recording consents
 * @param staffPresent the staff who will be recorded
 * @param covertAuthorisation the authorisation for a covert recording, or null
 * @param call facts about the call for a telephone recording, or null
 * @param areaCode the area of the site where the recording happens, or null
 * @param at when
 */
public record StartRecordingRequest(
        Actor actor,
        PatientFacts patient,
        RecordingKind kind,
        Initiator initiator,
        RecordingMode mode,
        Set<Purpose> purposes,
        String defenceReason,
        SitePolicy site,
        List<ConsentFact> consents,
        List<StaffPresence> staffPresent,
        CovertAuthorisation covertAuthorisation,
        CallContext call,
        String areaCode,
        Instant at) {

    public StartRecordingRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(mode, "mode");
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
        Objects.requireNonNull(site, "site");
        consents = consents == null ? List.of() : List.copyOf(consents);
        staffPresent = staffPresent == null ? List.of() : List.copyOf(staffPresent);
        Objects.requireNonNull(at, "at");
    }

    public boolean byClinician() {
        return initiator == Initiator.CLINICIAN;
    }

    /** The purposes beyond direct care and the patient's own use. */
    public Set<Purpose> secondaryPurposes() {
        return Set.copyOf(purposes.stream().filter(Purpose::secondary).toList());
    }
}
