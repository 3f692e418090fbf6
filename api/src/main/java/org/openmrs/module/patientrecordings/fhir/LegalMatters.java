/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import org.hl7.fhir.r4.model.Coding;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;

/** legal-matter codings (REC-5, REC-6) as the domain's legal authorities, e.g. for operation parameters. */
public final class LegalMatters {

    private LegalMatters() {}

    /** @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 for another coding */
    public static LegalAuthority of(Coding coding, String location) {
        return MediaRegisterExtensions.legalMatter(coding, location);
    }
}
