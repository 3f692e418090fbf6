/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.time.Instant;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * An entry of the register of site-policy breaches (PAT-3): a patient's own recording made in one of the site's
 * no-filming areas. It is a breach of the site's rule, not of data protection law; the recording itself is accepted
 * (PAT-1).
 *
 * @param id never null
 * @param recording the recording made there
 * @param patient whose recording it is
 * @param site where
 * @param policyVersion the version of the site policy that forbade filming there (POL-2)
 * @param areaCode the area's code in that policy
 * @param areaName the area's name in that policy
 * @param recordedBy who added the recording
 * @param recordedAt when
 */
public record SitePolicyBreach(
        String id,
        RecordingId recording,
        PatientId patient,
        SiteId site,
        int policyVersion,
        String areaCode,
        String areaName,
        UserId recordedBy,
        Instant recordedAt)
        implements RegisterEntry {

    public SitePolicyBreach {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(areaCode, "areaCode");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** A breach happened: the entry never ends. */
    @Override
    public Instant endedAt() {
        return null;
    }
}
