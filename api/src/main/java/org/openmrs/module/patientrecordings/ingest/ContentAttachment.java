/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.recording.RecordedContent;
import org.openmrs.module.patientrecordings.recording.Recording;

/**
 * The database step of an ingest: records stored content on its recording, under the service's rules. In the
 * application this is {@link org.openmrs.module.patientrecordings.recording.RecordingService#attachContent}.
 */
@FunctionalInterface
public interface ContentAttachment {

    /**
     * Records {@code content} on the recording; runs inside the ingest's unit of work, so it commits only when the
     * whole step does.
     *
     * @return the saved recording
     * @throws RuntimeException when the recording may not take the content or the database fails; nothing of the
     *     step commits then
     */
    Recording attach(RecordingId recording, RecordedContent content);
}
