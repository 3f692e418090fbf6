/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.Reason;

/**
 * A recording that was allowed, with the warnings a clinician must see (e.g. CON-11, PAT-3, REC-3).
 *
 * @param recording the stored recording
 * @param warnings never null
 */
public record Started(Recording recording, List<Reason> warnings) {

    public Started {
        Objects.requireNonNull(recording, "recording");
        warnings = List.copyOf(warnings);
    }
}
