/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingMode;

/** Covert recording by staff (seed 001). A patient's own covert recording is not theirs to govern (PAT-1). */
public final class CovertRecordingRules {

    private CovertRecordingRules() {}

    /** COV-1: a covert staff recording needs a complete authorisation for this patient that covers now. */
    public static List<Reason> covertRecordingNeedsAuthorisation(StartRecordingRequest r) {
        if (!staffCovert(r)) {
            return List.of();
        }
        CovertAuthorisation a = r.covertAuthorisation();
        if (a == null) {
            return List.of(Reason.error(
                    ErrorCode.COV_1, "A covert recording needs a recorded authorisation first", "authorisation"));
        }
        List<Reason> reasons = new ArrayList<>(missingElements(a));
        if (a.patient() != null && !a.patient().equals(r.patient().id())) {
            reasons.add(
                    Reason.error(ErrorCode.COV_1, "The authorisation is for another patient", "authorisation.patient"));
        }
        if (reasons.isEmpty() && !a.covers(r.at())) {
            reasons.add(Reason.error(
                    ErrorCode.COV_1, "The authorisation does not cover " + r.at(), "authorisation.period"));
        }
        return reasons;
    }

    /** COV-2: only users privileged to authorise covert recording may make one. */
    public static List<Reason> covertRecordingNeedsPrivilege(StartRecordingRequest r) {
        return staffCovert(r) ? onlyPrivileged(r.actor()) : List.of();
    }

    /** COV-2: the privilege check shared by recording an authorisation and seeing covert recordings. */
    public static List<Reason> onlyPrivileged(Actor actor) {
        return actor.has(Privilege.AUTHORISE_COVERT)
                ? List.of()
                : List.of(Reason.error(
                        ErrorCode.COV_2,
                        "Only users with '" + Privilege.AUTHORISE_COVERT.privilegeName() + "' may do this",
                        "privilege"));
    }

    /** COV-1: every element an authorisation must record; one reason per missing element. */
    public static List<Reason> missingElements(CovertAuthorisation a) {
        List<Reason> reasons = new ArrayList<>();
        requireText(reasons, a.authorisingBody(), "authorisation.authorisingBody", "the authorising body");
        requireText(reasons, a.reference(), "authorisation.reference", "its reference");
        requireText(reasons, a.legalBasis(), "authorisation.legalBasis", "the legal basis");
        if (a.patient() == null) {
            reasons.add(missing("authorisation.patient", "the patient"));
        }
        if (a.justification() == null) {
            reasons.add(missing("authorisation.justification", "the justification (serious crime or serious harm)"));
        }
        if (!Boolean.TRUE.equals(a.noOtherMeans())) {
            reasons.add(missing("authorisation.noOtherMeans", "that there is no other means"));
        }
        Instant from = a.validFrom();
        Instant until = a.validUntil();
        if (from == null || until == null || !from.isBefore(until)) {
            reasons.add(missing("authorisation.period", "the period it covers (start before end)"));
        }
        return reasons;
    }

    private static boolean staffCovert(StartRecordingRequest r) {
        return r.mode() == RecordingMode.COVERT && r.initiator() != Initiator.PATIENT;
    }

    private static void requireText(List<Reason> reasons, String value, String location, String what) {
        if (value == null || value.isBlank()) {
            reasons.add(missing(location, what));
        }
    }

    private static Reason missing(String location, String what) {
        return Reason.error(ErrorCode.COV_1, "A covert recording authorisation must record " + what, location);
    }
}
