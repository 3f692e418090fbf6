/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.util.Objects;
import org.openmrs.module.patientrecordings.recording.Recording;

/**
 * A recording with the context its Media shows: what {@link MediaTranslator#toDomain} reads back from a Media.
 *
 * @param recording never null
 * @param context never null
 */
public record RecordingView(Recording recording, MediaContext context) {

    public RecordingView {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(context, "context");
    }
}
