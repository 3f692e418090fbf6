/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.ArrayList;
import java.util.List;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.Reason;

/** The rules a consent decision must meet to be recorded (seeds 001, 003, 004). */
public final class ConsentRules {

    private ConsentRules() {}

    /**
     * CON-2: a consent records what the patient was told: purposes, audience, context of use, whether copies will
     * be made, storage arrangements and how long it will be kept. Every missing element is listed. A refusal
     * (CON-4) needs only the kinds and purposes refused.
     */
    public static List<Reason> patientWasToldEverything(ConsentDecisionRequest r) {
        ConsentTerms t = r.terms();
        List<Reason> reasons = new ArrayList<>();
        if (t.kinds().isEmpty()) {
            reasons.add(missing("kinds", "the kinds of recording"));
        }
        if (t.purposes().isEmpty()) {
            reasons.add(missing("purposes", "the purposes"));
        }
        if (r.decision() == ConsentState.WITHHELD) {
            return reasons;
        }
        if (t.audience().isEmpty()) {
            reasons.add(missing("audience", "who will be allowed to see it"));
        }
        if (blank(t.contextOfUse())) {
            reasons.add(missing("contextOfUse", "the context in which it will be used"));
        }
        if (t.copiesWillBeMade() == null) {
            reasons.add(missing("copies", "whether copies will be made"));
        }
        if (blank(t.storageArrangements())) {
            reasons.add(missing("storage", "the storage arrangements"));
        }
        if (blank(t.retentionPeriod())) {
            reasons.add(missing("retention", "how long it will be kept"));
        }
        return reasons;
    }

    /**
     * CON-3: consent given records that the patient was told they may refuse or withdraw at any time, that
     * refusing will not affect their care, and that they were under no pressure.
     */
    public static List<Reason> freelyGivenAttestation(ConsentDecisionRequest r) {
        if (r.decision() != ConsentState.GIVEN) {
            return List.of();
        }
        Attestation a = r.attestation();
        List<Reason> reasons = new ArrayList<>();
        if (!Boolean.TRUE.equals(a.toldMayRefuseOrWithdraw())) {
            reasons.add(notAttested("toldMayRefuseOrWithdraw", "they may refuse or withdraw at any time"));
        }
        if (!Boolean.TRUE.equals(a.toldRefusalDoesNotAffectCare())) {
            reasons.add(notAttested("toldRefusalDoesNotAffectCare", "refusing will not affect their care"));
        }
        if (!Boolean.TRUE.equals(a.underNoPressure())) {
            reasons.add(notAttested("underNoPressure", "they were under no pressure"));
        }
        return reasons;
    }

    /** CON-11: consent to a purely defensive purpose needs the stated reason, and warns. */
    public static List<Reason> defensivePurposeNeedsStatedReason(ConsentDecisionRequest r) {
        return r.decision() == ConsentState.GIVEN
                ? RecordingConsentRules.defensive(
                        r.terms().purposes().contains(Purpose.DEFENCE),
                        r.terms().defenceReason())
                : List.of();
    }

    /** POL-1: consent is sought only for secondary purposes the site allows. */
    public static List<Reason> siteAllowsSecondaryPurposes(ConsentDecisionRequest r) {
        if (r.decision() != ConsentState.GIVEN) {
            return List.of();
        }
        return r.terms().purposes().stream()
                .filter(p -> !r.site().allowsPurpose(p))
                .map(p -> Reason.error(ErrorCode.POL_1, "The site does not allow recordings for " + p, "purposes"))
                .toList();
    }

    /** SAF-4: the patient must be known. */
    public static List<Reason> knownPatient(ConsentDecisionRequest r) {
        return r.patient().known()
                ? List.of()
                : List.of(Reason.error(
                        ErrorCode.SAF_4, "Unknown patient " + r.patient().id(), "patient"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Reason missing(String location, String what) {
        return Reason.error(ErrorCode.CON_2, "The consent must record " + what, location);
    }

    private static Reason notAttested(String location, String what) {
        return Reason.error(ErrorCode.CON_3, "The consent must attest that the patient was told " + what, location);
    }
}
