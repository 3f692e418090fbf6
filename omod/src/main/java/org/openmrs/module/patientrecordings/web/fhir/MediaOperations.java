/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.fhir.ConsentTranslator;
import org.openmrs.module.patientrecordings.recording.Recording;

/**
 * The recording lifecycle as Media operations: $stop, $complete (REC-3), $confirm-consent (CON-7) and $void (REC-1).
 * Each accepts {@code If-Match} (VER-1) and answers the changed resource.
 */
public final class MediaOperations {

    private final FhirServerDependencies services;
    private final MediaViews views;

    MediaOperations(FhirServerDependencies services, MediaViews views) {
        this.services = services;
        this.views = views;
    }

    @Operation(name = "$stop", typeName = "Media")
    public Media stop(
            @IdParam IdType id, @OperationParam(name = "reason") CodeableConcept reason, RequestDetails request) {
        RecordingId recording = current(id, request);
        return views.toFhir(services.recordings().stop(recording), request.getFhirServerBase());
    }

    /** Completes; a missing note the site only flags (REC-3) comes back as the recording's flag. */
    @Operation(name = "$complete", typeName = "Media")
    public Media complete(@IdParam IdType id, RequestDetails request) {
        RecordingId recording = current(id, request);
        return views.toFhir(services.recordings().complete(recording).recording(), request.getFhirServerBase());
    }

    /**
     * CON-7: the patient's answer once offered to see or hear the recording. Without the offer there is no answer to
     * record. Whether they viewed it is taken from the offer, so procedure footage always needs the attestation that
     * they were told what they would see.
     */
    @Operation(name = "$confirm-consent", typeName = "Media")
    public IBaseResource confirmConsent(
            @IdParam IdType id,
            @OperationParam(name = "confirmed", min = 1) BooleanType confirmed,
            @OperationParam(name = "offeredToSeeOrHear", min = 1) BooleanType offered,
            @OperationParam(name = "toldWhatTheyWouldSee") BooleanType told,
            RequestDetails request) {
        RecordingId recording = current(id, request);
        if (offered == null || !offered.booleanValue()) {
            throw RuleViolationException.of(
                    ErrorCode.CON_7, "Offer the patient to see or hear the recording first", "offeredToSeeOrHear");
        }
        if (confirmed == null) {
            throw RuleViolationException.of(ErrorCode.SAF_4, "Say whether the patient confirms", "confirmed");
        }
        Recording answered = services.consents()
                .confirmAfterRecording(
                        recording, confirmed.booleanValue(), true, told == null ? null : told.getValue(), null);
        if (answered.consent() == null) {
            return views.toFhir(answered, request.getFhirServerBase());
        }
        return ConsentTranslator.toFhir(services.consents().read(answered.consent()));
    }

    @Operation(name = "$void", typeName = "Media")
    public Media voidRecording(
            @IdParam IdType id, @OperationParam(name = "reason", min = 1) StringType reason, RequestDetails request) {
        RecordingId recording = current(id, request);
        return views.toFhir(
                services.recordings().voidRecording(recording, reason == null ? null : reason.getValue()),
                request.getFhirServerBase());
    }

    /** The recording's id, after checking If-Match against its current version. */
    private RecordingId current(IdType id, RequestDetails request) {
        RecordingId recording = RecordingId.of(id.getIdPart());
        IfMatch.check(request, services.recordings().known(recording));
        return recording;
    }

    static Parameters held(String name, Reference... references) {
        Parameters p = new Parameters();
        for (Reference r : references) {
            p.addParameter().setName(name).setValue(r);
        }
        return p;
    }
}
