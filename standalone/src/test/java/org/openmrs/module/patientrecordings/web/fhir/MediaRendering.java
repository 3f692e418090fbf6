/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Media;
import org.openmrs.module.patientrecordings.recording.Recording;

/**
 * The FHIR server's own rendering of recordings as Media ({@link MediaViews}), for benchmarks that compare the
 * server's reads with the same lookups made without the access rules and the audit.
 */
public final class MediaRendering {

    private final MediaViews views;

    public MediaRendering(FhirServerDependencies services) {
        this.views = new MediaViews(services);
    }

    /** As the Media read and search render them. */
    public List<Media> toFhir(List<Recording> recordings, String serverBase) {
        return views.toFhir(recordings, serverBase);
    }
}
