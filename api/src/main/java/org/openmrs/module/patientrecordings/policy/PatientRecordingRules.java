/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.Reason;

/** Recordings that patients make (seeds 000, 002, 004) and the input checks every recording shares. */
public final class PatientRecordingRules {

    private PatientRecordingRules() {}

    /**
     * PAT-1: a patient may record for their own use without asking anyone; what they share into the record is
     * direct care. Any other purpose of a patient's recording is a secondary use needing consent (SEC-1).
     */
    public static List<Reason> patientRecordingsServeOwnUseOrCare(StartRecordingRequest r) {
        if (r.initiator() != Initiator.PATIENT) {
            return List.of();
        }
        return r.secondaryPurposes().stream()
                .filter(p -> !ConsentCoverage.given(r.consents(), r.kind(), p))
                .map(p -> Reason.error(
                        ErrorCode.SEC_1,
                        "Using the patient's own recording for " + p + " needs their consent",
                        "purpose"))
                .toList();
    }

    /** SAF-4 and REC-1: a recording belongs to one known patient and is made for at least one purpose. */
    public static List<Reason> knownPatientAndPurpose(StartRecordingRequest r) {
        List<Reason> reasons = new ArrayList<>();
        if (!r.patient().known()) {
            reasons.add(Reason.error(
                    ErrorCode.SAF_4, "Unknown patient " + r.patient().id(), "subject"));
        }
        if (r.purposes().isEmpty()) {
            reasons.add(Reason.error(ErrorCode.SAF_4, "A recording needs at least one purpose", "purpose"));
        }
        return reasons;
    }

    /**
     * PAT-2: a copy the patient shares joins their record with the date it was received (not in the future) and
     * how it was obtained.
     */
    public static List<Reason> sharedCopyProvenance(SharedCopyRequest r) {
        List<Reason> reasons = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(r.recording().at(), ZoneOffset.UTC);
        if (r.receivedOn() == null || r.receivedOn().isAfter(today)) {
            reasons.add(Reason.error(
                    ErrorCode.PAT_2,
                    "A shared recording needs the date it was received, not in the future",
                    "received"));
        }
        if (r.howObtained() == null || r.howObtained().isBlank()) {
            reasons.add(Reason.error(ErrorCode.PAT_2, "A shared recording needs how it was obtained", "howObtained"));
        }
        if (r.recording().initiator() != Initiator.PATIENT) {
            reasons.add(Reason.error(
                    ErrorCode.PAT_2, "A shared copy is a recording the patient made (initiator PATIENT)", "initiator"));
        }
        return reasons;
    }
}
