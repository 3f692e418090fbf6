/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingKind;

/** Changing a site's recording policy (POL-1, POL-2, TEL-2, TEL-4, REC-2). */
public final class SitePolicyChangePolicy {

    private SitePolicyChangePolicy() {}

    /**
     * Decides whether {@code proposed} may become the site's policy.
     *
     * @param actor who changes it
     * @param currentVersion the version now in force, or 0 for a site without a policy
     * @param proposed the new version; its number must be one more than {@code currentVersion} (POL-2)
     * @param knownJurisdictions the jurisdictions with a retention schedule (REC-2)
     * @param today the day of the change, for the telephone notices in use
     */
    public static Decision decide(
            Actor actor, int currentVersion, SitePolicy proposed, Set<String> knownJurisdictions, LocalDate today) {
        List<Reason> reasons = new ArrayList<>(Privileges.check(actor, Privilege.MANAGE_POLICY));
        if (proposed.version() != currentVersion + 1) {
            reasons.add(Reason.error(
                    ErrorCode.VER_1,
                    "The policy is at version " + currentVersion + "; a change must be version " + (currentVersion + 1),
                    "version"));
        }
        if (!knownJurisdictions.contains(proposed.jurisdiction())) {
            reasons.add(Reason.error(
                    ErrorCode.REC_2,
                    "No retention schedule for jurisdiction " + proposed.jurisdiction(),
                    "jurisdiction"));
        }
        reasons.addAll(TelephoneRules.noticesInUse(proposed.telephone(), today));
        if (proposed.telephone().enabled()
                && proposed.telephone().declaredPurposes().isEmpty()) {
            reasons.add(Reason.error(
                    ErrorCode.TEL_4,
                    "Declare the purposes of call recording before switching it on",
                    "telephone.purposes"));
        }
        if (proposed.allowedKinds().contains(RecordingKind.TELEPHONE)) {
            reasons.add(Reason.error(
                    ErrorCode.TEL_1,
                    "Telephone recording is the site-wide telephone setting, not an allowed kind",
                    "allowedKinds"));
        }
        return Decision.of(reasons);
    }
}
