/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.LocalDate;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.Actor;

/**
 * A request to destroy a recording's content.
 *
 * @param actor who asks
 * @param recording the recording; a SEALED one is scheduled for destruction by a withdrawal (CON-5, CON-6)
 * @param today the day of disposal
 */
public record DisposalRequest(Actor actor, RecordingFacts recording, LocalDate today) {

    public DisposalRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(today, "today");
    }
}
