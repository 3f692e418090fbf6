/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.ArrayList;
import java.util.List;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingState;

/** A recording is an entry of the clinical record (seeds 000, 001, 004): no deletion, void, disposal, holds. */
public final class RecordEntryPolicy {

    private static final RuleSet<DisposalRequest> DISPOSAL = RuleSet.of(
            Privileges.require(Privilege.MANAGE_RECORDS, DisposalRequest::actor),
            RecordEntryPolicy::neverUnderLegalHold,
            RecordEntryPolicy::onlyAfterRetentionEnd);

    private RecordEntryPolicy() {}

    /** REC-1: a clinical record entry is never hard-deleted; correct a mistake by voiding it. */
    public static Decision delete() {
        return Decision.deny(Reason.error(
                ErrorCode.REC_1,
                "A recording is an entry of the clinical record and cannot be deleted; void it with a reason instead"));
    }

    /**
     * REC-1: a consent decision is an entry of the patient's record (CON-8) and is never deleted either; a consent
     * given is withdrawn instead (CON-5, CON-6), and a later decision supersedes an earlier one.
     */
    public static Decision deleteConsent() {
        return Decision.deny(Reason.error(
                ErrorCode.REC_1,
                "A consent decision is an entry of the patient's record and cannot be deleted; withdraw a consent"
                        + " given with $withdraw, or record a new decision, which supersedes it"));
    }

    /** REC-1: voiding (e.g. wrong patient) needs a privileged user and a reason; the content is kept. */
    public static Decision voiding(Actor actor, String reason) {
        List<Reason> reasons = new ArrayList<>(Privileges.check(actor, Privilege.MANAGE_RECORDS));
        if (reason == null || reason.isBlank()) {
            reasons.add(Reason.error(ErrorCode.REC_1, "Voiding a recording needs a reason", "reason"));
        }
        return Decision.of(reasons);
    }

    /** REC-4 and REC-5: disposal after the retention end, never under legal hold. */
    public static Decision disposal(DisposalRequest request) {
        return DISPOSAL.decide(request);
    }

    /** REC-5: managing legal holds takes its own privilege. */
    public static Decision legalHold(Actor actor, String reference) {
        List<Reason> reasons = new ArrayList<>(Privileges.check(actor, Privilege.MANAGE_LEGAL_HOLDS));
        if (reference == null || reference.isBlank()) {
            reasons.add(Reason.error(
                    ErrorCode.REC_5, "A legal hold names the complaint, claim or investigation", "reference"));
        }
        return Decision.of(reasons);
    }

    /** REC-5: nothing held can be disposed of, sealed content included. */
    static List<Reason> neverUnderLegalHold(DisposalRequest r) {
        return r.recording().underLegalHold()
                ? List.of(Reason.error(ErrorCode.REC_5, "The recording is under legal hold", "legalHold"))
                : List.of();
    }

    /**
     * REC-4: a record entry is disposed of only after its retention end. Content sealed by a withdrawal is not
     * part of the record any more and is destroyed without waiting (CON-5, CON-6).
     */
    static List<Reason> onlyAfterRetentionEnd(DisposalRequest r) {
        if (r.recording().state() == RecordingState.SEALED) {
            return List.of();
        }
        if (r.recording().retentionUntil() == null) {
            return List.of(Reason.error(ErrorCode.REC_4, "The recording has no retention end yet", "retentionUntil"));
        }
        return r.today().isAfter(r.recording().retentionUntil())
                ? List.of()
                : List.of(Reason.error(
                        ErrorCode.REC_4,
                        "The recording must be kept until " + r.recording().retentionUntil(),
                        "retentionUntil"));
    }
}
