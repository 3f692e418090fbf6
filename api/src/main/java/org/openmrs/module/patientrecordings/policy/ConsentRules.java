/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * CON-12: the consent says who gave it. A representative (parental responsibility, lasting power of attorney,
     * court-appointed deputy) is named with their relationship. A patient under 16 who consents for themself needs
     * the clinician's attestation that they understand what the recording involves; otherwise a person with parental
     * responsibility consents. A best-interests decision is for an adult who lacks capacity and names every person
     * consulted, with their role.
     */
    public static List<Reason> whoDecidedIsRecorded(ConsentDecisionRequest r) {
        ConsentGiver g = r.giver();
        List<Reason> reasons = new ArrayList<>();
        switch (g.authority()) {
            case PATIENT -> {
                if (r.decision() == ConsentState.GIVEN && r.patientUnder16() && !g.competenceAttested()) {
                    reasons.add(whoDecided(
                            "A patient under 16 consents for themself only with the clinician's attestation that they"
                                    + " understand what the recording involves; otherwise a person with parental"
                                    + " responsibility consents",
                            "competence"));
                }
            }
            case BEST_INTERESTS -> {
                if (r.patientUnder16()) {
                    reasons.add(whoDecided(
                            "A best-interests decision is for an adult who lacks capacity; for a patient under 16 a"
                                    + " person with parental responsibility consents",
                            "performer"));
                }
                if (g.consulted().isEmpty()) {
                    reasons.add(whoDecided("A best-interests decision records the people consulted", "consulted"));
                }
                if (g.consulted().stream().anyMatch(c -> blank(c.name()) || blank(c.role()))) {
                    reasons.add(whoDecided(
                            "Every person consulted about a best-interests decision is named with their role",
                            "consulted"));
                }
            }
            default -> {
                if (blank(g.name())) {
                    reasons.add(whoDecided("The consent names the person who decided for the patient", "performer"));
                }
                if (blank(g.relationship())) {
                    reasons.add(whoDecided(
                            "The consent records the decider's relationship to the patient", "relationship"));
                }
            }
        }
        return reasons;
    }

    /**
     * CON-12, SEC-3: a best-interests decision covers a recording for the patient's care only; a secondary use of a
     * recording of an adult who lacks capacity needs an anonymised derivative.
     */
    public static List<Reason> bestInterestsCoversCareOnly(ConsentDecisionRequest r) {
        if (r.decision() != ConsentState.GIVEN || r.giver().authority() != ConsentGiver.Authority.BEST_INTERESTS) {
            return List.of();
        }
        return r.terms().purposes().stream()
                .filter(Purpose::secondary)
                .sorted(Comparator.comparing(Purpose::code))
                .map(p -> Reason.error(
                        ErrorCode.SEC_3,
                        "A best-interests decision covers recording for the patient's care only; " + p
                                + " needs an anonymised derivative",
                        "purposes"))
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

    private static Reason whoDecided(String message, String location) {
        return Reason.error(ErrorCode.CON_12, message, location);
    }

    private static Reason missing(String location, String what) {
        return Reason.error(ErrorCode.CON_2, "The consent must record " + what, location);
    }

    private static Reason notAttested(String location, String what) {
        return Reason.error(ErrorCode.CON_3, "The consent must attest that the patient was told " + what, location);
    }
}
