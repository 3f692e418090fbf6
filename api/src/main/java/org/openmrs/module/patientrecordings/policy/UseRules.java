/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.List;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;

/** The rules for using and disclosing a recording (seeds 001, 003, 004). */
public final class UseRules {

    private UseRules() {}

    /** SAF-3: each action takes its privilege. */
    public static List<Reason> privilegeForAction(UseRequest r) {
        return Privileges.check(r.actor(), r.action().privilege());
    }

    /** COV-2: covert recordings are visible only to users privileged to authorise them. */
    public static List<Reason> covertOnlyToPrivileged(UseRequest r) {
        return r.recording().mode() == RecordingMode.COVERT
                ? CovertRecordingRules.onlyPrivileged(r.actor())
                : List.of();
    }

    /**
     * CON-5 and REC-1: sealed content is never played, copied or disclosed; destroyed content is gone; a voided
     * entry is out of the live record and reaches only records managers or a legal authority.
     */
    public static List<Reason> contentStateAllowsUse(UseRequest r) {
        RecordingState state = r.recording().state();
        return switch (state) {
            case SEALED ->
                List.of(Reason.error(
                        ErrorCode.CON_5, "Consent was withdrawn: the recording is sealed and cannot be used", "state"));
            case DESTROYED -> List.of(Reason.error(ErrorCode.LIF_1, "The recording was destroyed", "state"));
            case REQUESTED -> List.of(Reason.error(ErrorCode.LIF_1, "Nothing has been recorded yet", "state"));
            case VOIDED ->
                r.authority() != null || r.actor().has(Privilege.MANAGE_RECORDS)
                        ? List.of()
                        : List.of(
                                Reason.error(ErrorCode.REC_1, "The recording was voided as entered in error", "state"));
            default -> List.of();
        };
    }

    /** CON-7: until the patient confirms after the recording, it serves direct care only. */
    public static List<Reason> unconfirmedServesDirectCareOnly(UseRequest r) {
        return r.recording().state() == RecordingState.PENDING_CONFIRMATION
                        && !r.purpose().equals(Purpose.DIRECT_CARE)
                        && r.authority() == null
                ? List.of(Reason.error(
                        ErrorCode.CON_7,
                        "The patient has not yet confirmed consent after the recording: direct care only",
                        "purpose"))
                : List.of();
    }

    /**
     * SEC-1, SEC-2 and CON-6: a secondary use needs the patient's consent covering that purpose, or an anonymised
     * derivative. Without consent the reason says why: consent withdrawn (CON-6), a purpose outside what the
     * patient agreed to (SEC-2), or no consent at all (SEC-1).
     */
    public static List<Reason> secondaryUseNeedsConsent(UseRequest r) {
        if (!r.secondaryUse() || r.recording().deidentified() || declaredCallPurpose(r)) {
            return List.of();
        }
        RecordingFacts rec = r.recording();
        Optional<ConsentState> state = ConsentCoverage.stateFor(r.consents(), rec.kind(), r.purpose());
        if (state.filter(ConsentState.GIVEN::equals).isPresent()) {
            return List.of();
        }
        if (state.filter(ConsentState.WITHDRAWN::equals).isPresent()) {
            return List.of(Reason.error(
                    ErrorCode.CON_6, "Consent to " + r.purpose() + " was withdrawn: no new use is allowed", "purpose"));
        }
        if (!rec.purposes().contains(r.purpose())) {
            return List.of(Reason.error(
                    ErrorCode.SEC_2,
                    r.purpose() + " is outside the scope of the consent; ask the patient for further consent",
                    "purpose"));
        }
        return List.of(Reason.error(
                ErrorCode.SEC_1,
                "Use for " + r.purpose() + " needs the patient's consent or an anonymised derivative",
                "purpose"));
    }

    /** POL-1: a secondary use serves only purposes the site allows, approved by whom the site names. */
    public static List<Reason> siteAllowsSecondaryUse(UseRequest r) {
        if (!r.secondaryUse() || declaredCallPurpose(r)) {
            return List.of();
        }
        return r.site()
                .secondaryPurpose(r.purpose())
                .map(rule -> rule.needsApproval() && !rule.approverRole().equals(r.approvedByRole())
                        ? List.of(Reason.error(
                                ErrorCode.POL_1,
                                "Use for " + r.purpose() + " needs approval by " + rule.approverRole(),
                                "approval"))
                        : List.<Reason>of())
                .orElseGet(() -> List.of(
                        Reason.error(ErrorCode.POL_1, "The site does not allow use for " + r.purpose(), "purpose")));
    }

    /**
     * TEL-2, TEL-4: a routine call recording serves the purposes the site declared and told callers about; callers
     * are informed by the site's notices rather than asked one by one.
     */
    static boolean declaredCallPurpose(UseRequest r) {
        RecordingFacts rec = r.recording();
        return rec.kind() == RecordingKind.TELEPHONE
                && rec.initiator() == Initiator.SYSTEM
                && rec.purposes().contains(r.purpose())
                && r.site().telephone().declaredPurposes().contains(r.purpose());
    }

    /**
     * STF-2: a recording capturing other patients or staff leaves direct care only with their consent (every party
     * captured consented, as the recording keeps it, or the caller attests it) or as a redacted derivative. A
     * disclosure the law compels goes ahead with a warning to record.
     */
    public static List<Reason> othersCapturedNeedConsentOrRedaction(UseRequest r) {
        if (!r.recording().othersCapturedWithoutConsent()
                || r.othersConsentedOrRedacted()
                || r.recording().deidentified()
                || r.purpose().equals(Purpose.DIRECT_CARE)) {
            return List.of();
        }
        if (r.authority() != null && r.authority().compelled()) {
            return List.of(Reason.warning(
                    ErrorCode.STF_2, "Disclosed under legal compulsion with other people captured in it"));
        }
        return List.of(Reason.error(
                ErrorCode.STF_2,
                "The recording captures other patients or staff: their consent or a redacted derivative is needed",
                "thirdParties"));
    }
}
