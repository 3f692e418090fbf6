/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.site;

import java.util.Set;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.MissingNoteHandling;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.TelephonePolicy;
import org.openmrs.module.patientrecordings.retention.RecordClass;

/** Copies a {@link SitePolicy} into a {@link SitePolicyRow} and back. */
final class SitePolicyMapper {

    private SitePolicyMapper() {}

    /** @throws IllegalArgumentException when the jurisdiction or the settings do not fit their columns */
    static SitePolicyRow row(SitePolicy policy) {
        if (policy.jurisdiction().length() > 64) {
            throw new IllegalArgumentException("a jurisdiction code has at most 64 characters");
        }
        SitePolicyRow row = new SitePolicyRow();
        row.siteId = policy.site().value();
        row.version = policy.version();
        row.cliniciansMayRecordConsultations = policy.cliniciansMayRecordConsultations();
        row.telephoneEnabled = policy.telephone().enabled();
        row.jurisdiction = policy.jurisdiction();
        row.recordClass = policy.recordClass().name();
        row.missingNote = policy.missingNote().name();
        row.settings = SitePolicySettings.write(policy);
        if (row.settings.length() > SitePolicyRow.SETTINGS_LENGTH) {
            throw new IllegalArgumentException("the site policy's lists are too long to store");
        }
        return row;
    }

    static SitePolicy read(SitePolicyRow row) {
        SitePolicySettings.Parts parts = SitePolicySettings.read(row.settings);
        return new SitePolicy(
                SiteId.of(row.siteId),
                row.version,
                Set.copyOf(parts.allowedKinds()),
                row.cliniciansMayRecordConsultations,
                new TelephonePolicy(
                        row.telephoneEnabled, Set.copyOf(parts.declaredCallPurposes()), parts.callNotices()),
                parts.noFilmingAreas(),
                parts.secondaryPurposes(),
                row.jurisdiction,
                RecordClass.valueOf(row.recordClass),
                MissingNoteHandling.valueOf(row.missingNote));
    }
}
