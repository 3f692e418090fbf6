/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.UserId;

/** Who may write to the registers the rules depend on. */
public final class RegisterPolicy {

    private RegisterPolicy() {}

    /** COV-1 and COV-2: a complete authorisation, current or future, recorded by a privileged user. */
    public static Decision covertAuthorisation(Actor actor, CovertAuthorisation authorisation, Instant now) {
        List<Reason> reasons = new ArrayList<>(CovertRecordingRules.onlyPrivileged(actor));
        reasons.addAll(CovertRecordingRules.missingElements(authorisation));
        if (authorisation.validUntil() != null && !authorisation.validUntil().isAfter(now)) {
            reasons.add(Reason.error(ErrorCode.COV_1, "The authorisation has already expired", "authorisation.period"));
        }
        return Decision.of(reasons);
    }

    /**
     * STF-1: a staff member records their own objection to being recorded; anyone else needs the policy
     * privilege.
     */
    public static Decision staffObjection(Actor actor, UserId staff) {
        return actor.user().equals(staff)
                ? Decision.allow()
                : Decision.of(Privileges.check(actor, Privilege.MANAGE_POLICY));
    }

    /** CON-10: a patient's standing objection is recorded by someone who manages consent, never refused. */
    public static Decision patientObjection(Actor actor, PatientFacts patient) {
        List<Reason> reasons = new ArrayList<>(Privileges.check(actor, Privilege.MANAGE_CONSENT));
        if (!patient.known()) {
            reasons.add(Reason.error(ErrorCode.SAF_4, "Unknown patient " + patient.id(), "patient"));
        }
        return Decision.of(reasons);
    }
}
