/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingKind;

/** Telephone recording (seeds 001, 004): a routine of the whole site, never a choice about one caller. */
public final class TelephoneRules {

    private TelephoneRules() {}

    /**
     * TEL-1: calls are recorded by the site's routine (initiator SYSTEM) when the site setting is on; recording,
     * or not recording, one chosen caller is refused; and the routine records nothing but calls.
     */
    public static List<Reason> siteWideRoutineOnly(StartRecordingRequest r) {
        List<Reason> reasons = new ArrayList<>();
        if (r.initiator() == Initiator.SYSTEM && r.kind() != RecordingKind.TELEPHONE) {
            reasons.add(Reason.error(ErrorCode.TEL_1, "The routine recording records only telephone calls", "kind"));
        }
        if (r.kind() != RecordingKind.TELEPHONE || r.initiator() == Initiator.PATIENT) {
            return reasons;
        }
        if (r.initiator() != Initiator.SYSTEM) {
            reasons.add(Reason.error(
                    ErrorCode.TEL_1, "Calls are recorded by the site-wide routine, not one at a time", "initiator"));
        }
        if (!r.site().telephone().enabled()) {
            reasons.add(Reason.error(ErrorCode.TEL_1, "Telephone recording is switched off at this site", "site"));
        }
        if (r.call() == null) {
            reasons.add(Reason.error(ErrorCode.SAF_4, "A telephone recording needs the call's details", "call"));
        } else if (r.call().chosenCaller()) {
            reasons.add(chosenCallerRefused());
        }
        return reasons;
    }

    /** TEL-1: the refusal of any request to record, or not record, the calls of one chosen caller. */
    public static Reason chosenCallerRefused() {
        return Reason.error(
                ErrorCode.TEL_1,
                "Telephone recording applies to every call of the site; one caller cannot be chosen or exempted",
                "call");
    }

    /** TEL-2: no call is recorded while callers have no current means of being told. */
    public static List<Reason> callersMustBeTold(StartRecordingRequest r) {
        if (r.kind() != RecordingKind.TELEPHONE || r.initiator() == Initiator.PATIENT) {
            return List.of();
        }
        return noticesInUse(r.site().telephone(), LocalDate.ofInstant(r.at(), ZoneOffset.UTC));
    }

    /** TEL-2: the telephone setting may be on only while at least one notice is in use on {@code day}. */
    public static List<Reason> noticesInUse(TelephonePolicy telephone, LocalDate day) {
        return telephone.enabled() && telephone.noticesInUseOn(day).isEmpty()
                ? List.of(Reason.error(
                        ErrorCode.TEL_2,
                        "Record how callers are told (recorded message, leaflet, poster, website) before recording",
                        "telephone.notices"))
                : List.of();
    }

    /** TEL-3: triage, advice-line and outgoing consultation calls need an explicit notice at their start. */
    public static List<Reason> explicitNoticeForClinicalCalls(StartRecordingRequest r) {
        return r.kind() == RecordingKind.TELEPHONE
                        && r.initiator() != Initiator.PATIENT
                        && r.call() != null
                        && r.call().type().needsExplicitNotice()
                        && !r.call().explicitNoticeGiven()
                ? List.of(Reason.error(
                        ErrorCode.TEL_3,
                        "A " + r.call().type() + " call needs an explicit recording notice at its start",
                        "call.explicitNoticeGiven"))
                : List.of();
    }

    /** TEL-4: call recordings serve only the purposes the site declared. */
    public static List<Reason> onlyDeclaredPurposes(StartRecordingRequest r) {
        if (r.kind() != RecordingKind.TELEPHONE || r.initiator() == Initiator.PATIENT) {
            return List.of();
        }
        return r.purposes().stream()
                .filter(p -> !r.site().telephone().declaredPurposes().contains(p))
                .map(p -> Reason.error(
                        ErrorCode.TEL_4, "The site did not declare " + p + " as a call-recording purpose", "purpose"))
                .toList();
    }
}
