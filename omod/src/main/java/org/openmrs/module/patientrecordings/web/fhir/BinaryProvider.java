/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.fhir.MediaContent;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.UseContext;

/**
 * {@code Binary/{recording}-content} asked for as FHIR ({@code Accept: application/fhir+json}): the content's type and
 * its {@code securityContext}, the Media whose access rules govern it, without the bytes. Asked for as anything else,
 * the server streams the raw bytes instead ({@link ContentDownload}), never base64 inside JSON.
 */
public final class BinaryProvider implements IResourceProvider {

    private final FhirServerDependencies services;

    BinaryProvider(FhirServerDependencies services) {
        this.services = services;
    }

    @Override
    public Class<Binary> getResourceType() {
        return Binary.class;
    }

    @Read
    public Binary read(@IdParam IdType id) {
        RecordingId recordingId = recordingOf(id.getIdPart());
        Recording r = services.recordings().use(recordingId, UseContext.directCare(UseAction.VIEW));
        if (r.content() == null) {
            throw RuleViolationException.of(ErrorCode.NF_1, "Recording " + recordingId + " has no content", "id");
        }
        Binary binary = new Binary();
        binary.setId(id.getIdPart());
        binary.setContentType(r.content().contentType());
        binary.setSecurityContext(new Reference("Media/" + recordingId));
        return binary;
    }

    /** The recording a Binary id names; NF-1 when it names none. */
    static RecordingId recordingOf(String binaryId) {
        String recording = MediaContent.recordingIdOf(binaryId);
        if (recording == null) {
            throw RuleViolationException.of(ErrorCode.NF_1, "No content " + binaryId, "id");
        }
        return RecordingId.of(recording);
    }
}
