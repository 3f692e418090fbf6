/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.ArrayList;
import java.util.List;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingKind;

/** What a site's own recording policy allows (POL-1, PAT-3). */
public final class SiteRules {

    private SiteRules() {}

    /**
     * POL-1: staff make only the kinds the site allows, record consultations only where the site lets clinicians,
     * and serve only the secondary purposes the site allows. Telephone recording is governed by TEL-*.
     */
    public static List<Reason> sitePolicyAllowsRecording(StartRecordingRequest r) {
        if (r.initiator() == Initiator.PATIENT || r.kind() == RecordingKind.TELEPHONE) {
            return List.of();
        }
        SitePolicy site = r.site();
        List<Reason> reasons = new ArrayList<>();
        if (!site.allowedKinds().contains(r.kind())) {
            reasons.add(Reason.error(ErrorCode.POL_1, "The site does not allow " + r.kind() + " recordings", "kind"));
        }
        if (r.kind() == RecordingKind.CONSULTATION && !site.cliniciansMayRecordConsultations()) {
            reasons.add(
                    Reason.error(ErrorCode.POL_1, "Clinicians may not record consultations at this site", "modality"));
        }
        r.secondaryPurposes().stream()
                .filter(p -> !site.allowsPurpose(p))
                .forEach(p -> reasons.add(
                        Reason.error(ErrorCode.POL_1, "The site does not allow recordings for " + p, "purpose")));
        return reasons;
    }

    /**
     * PAT-3: filming is forbidden in a site's no-filming areas. Staff are refused; a patient's recording there is
     * allowed by the system (PAT-1) but reported as a breach of site policy, not of data protection law.
     */
    public static List<Reason> noFilmingAreas(StartRecordingRequest r) {
        if (r.areaCode() == null || r.kind() == RecordingKind.TELEPHONE) {
            return List.of();
        }
        return r.site()
                .noFilmingArea(r.areaCode())
                .map(area -> r.initiator() == Initiator.PATIENT
                        ? Reason.warning(
                                ErrorCode.PAT_3,
                                "Filming in " + area.name() + " breaches site policy (not data protection law)")
                        : Reason.error(ErrorCode.PAT_3, "Filming is not allowed in " + area.name(), "area"))
                .map(List::of)
                .orElse(List.of());
    }
}
