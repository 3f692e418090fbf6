/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingMode;

/** The consent rules for starting a recording that staff make (seeds 000, 001, 003, 004). */
public final class RecordingConsentRules {

    private RecordingConsentRules() {}

    /**
     * CON-1: a clinician recording of a kind that needs its own consent starts only when an active consent covers
     * its kind and every purpose. Refused purposes are CON-4's to report.
     */
    public static List<Reason> activeConsentCoversKindAndEveryPurpose(StartRecordingRequest r) {
        if (!r.byClinician() || r.kind().implicitConsent() || covert(r)) {
            return List.of();
        }
        List<Reason> reasons = new ArrayList<>();
        for (Purpose purpose : r.purposes()) {
            Optional<ConsentState> state = ConsentCoverage.stateFor(r.consents(), r.kind(), purpose);
            if (state.isEmpty() || state.get() == ConsentState.WITHDRAWN) {
                reasons.add(Reason.error(
                        ErrorCode.CON_1,
                        "No active consent to record " + r.kind() + " for " + purpose
                                + (state.isPresent() ? ": it was withdrawn" : ""),
                        "purpose"));
            }
        }
        return reasons;
    }

    /** CON-4: a recording for a purpose the patient refused cannot start, whatever its kind. */
    public static List<Reason> refusedPurposesCannotBeRecorded(StartRecordingRequest r) {
        if (!r.byClinician() || covert(r)) {
            return List.of();
        }
        return r.purposes().stream()
                .filter(p -> ConsentCoverage.stateFor(r.consents(), r.kind(), p)
                        .filter(ConsentState.WITHHELD::equals)
                        .isPresent())
                .map(p -> Reason.error(
                        ErrorCode.CON_4, "The patient refused consent to record " + r.kind() + " for " + p, "purpose"))
                .toList();
    }

    /**
     * CON-9: consent to the investigation or treatment covers making an implicit-consent recording, not its
     * secondary use, which needs its own consent (SEC-1).
     */
    public static List<Reason> implicitConsentCoversOnlyMaking(StartRecordingRequest r) {
        if (!r.byClinician() || !r.kind().implicitConsent()) {
            return List.of();
        }
        return r.secondaryPurposes().stream()
                .filter(p -> !ConsentCoverage.given(r.consents(), r.kind(), p))
                .map(p -> Reason.error(
                        ErrorCode.CON_9,
                        r.kind() + " needs no consent to be made, but its use for " + p
                                + " needs consent or an anonymised derivative",
                        "purpose"))
                .toList();
    }

    /** CON-10: a patient's standing objection blocks every clinician recording of them. */
    public static List<Reason> noRecordingAgainstStandingObjection(StartRecordingRequest r) {
        return r.byClinician() && !covert(r) && r.patient().standingObjection()
                ? List.of(Reason.error(
                        ErrorCode.CON_10, "The patient has a standing objection to being recorded", "subject"))
                : List.of();
    }

    /**
     * CON-11: a purpose that is only to defend against complaints or litigation is discouraged; it is allowed
     * with a warning when a reason is stated, refused otherwise.
     */
    public static List<Reason> defensivePurposeNeedsStatedReason(StartRecordingRequest r) {
        return defensive(r.purposes().contains(Purpose.DEFENCE), r.defenceReason());
    }

    /**
     * A covert staff recording rests on its authorisation (COV-1), not on the patient's consent: asking would defeat
     * it, and seed 001 makes the authorisation the lawful basis. CON-1, CON-4 and CON-10 therefore leave it to the
     * covert rules.
     */
    private static boolean covert(StartRecordingRequest r) {
        return r.mode() == RecordingMode.COVERT;
    }

    static List<Reason> defensive(boolean defencePurpose, String reason) {
        if (!defencePurpose) {
            return List.of();
        }
        if (reason == null || reason.isBlank()) {
            return List.of(Reason.error(
                    ErrorCode.CON_11,
                    "Recording only to defend against complaints or litigation is discouraged; state the reason",
                    "defenceReason"));
        }
        return List.of(Reason.warning(
                ErrorCode.CON_11,
                "Recording only to defend against complaints or litigation is discouraged; the reason is recorded"));
    }
}
