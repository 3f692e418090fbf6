/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.disclosure.DisclosureCommand;
import org.openmrs.module.patientrecordings.disclosure.DisclosurePackage;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.fhir.LegalMatters;
import org.openmrs.module.patientrecordings.fhir.PurposeCodes;

/**
 * Media $disclose (REC-6, and secondary purposes under SEC-1/SEC-3) and Patient $subject-access (REC-7). The service decides, records the disclosure and
 * audits each recording before anything leaves; the answer is then streamed: with {@code Accept: application/zip}
 * a zip of a JSON manifest (metadata, consent history, hashes, audit trail) and the decrypted content of each
 * recording, otherwise the collection Bundle the OperationDefinitions describe (content by link).
 */
public final class DisclosureOperations {

    private final FhirServerDependencies services;
    private final DisclosureWriter writer;

    DisclosureOperations(FhirServerDependencies services, DisclosureWriter writer) {
        this.services = services;
        this.writer = writer;
    }

    /**
     * As its OperationDefinition says: {@code purpose} and {@code recipient} always; {@code matter} for a legal
     * purpose (HLEGAL, REC-6); a secondary purpose is judged as a use (SEC-1, SEC-3), whatever matter is given.
     */
    @Operation(name = "$disclose", typeName = "Media", manualResponse = true)
    public void disclose(
            @IdParam IdType id,
            @OperationParam(name = "matter") Coding matter,
            @OperationParam(name = "purpose", min = 1) Coding purpose,
            @OperationParam(name = "recipient", min = 1) StringType recipient,
            @OperationParam(name = "reference") StringType reference,
            @OperationParam(name = "othersConsentedOrRedacted") BooleanType othersConsented,
            HttpServletRequest servletRequest,
            HttpServletResponse servletResponse,
            RequestDetails request)
            throws IOException {
        Purpose why = purpose == null ? null : PurposeCodes.fromCoding(purpose, "purpose");
        RecordingId recording = RecordingId.of(id.getIdPart());
        PatientId patient = services.recordings().known(recording).patient();
        DisclosurePackage pack = services.disclosures()
                .disclose(new DisclosureCommand(
                        patient,
                        List.of(recording),
                        why,
                        matter == null ? null : LegalMatters.of(matter, "matter"),
                        recipient == null ? null : recipient.getValue(),
                        reference == null ? null : reference.getValue(),
                        othersConsented != null && othersConsented.booleanValue()));
        writer.write(pack, servletRequest, servletResponse, request.getFhirServerBase());
    }

    @Operation(name = "$subject-access", typeName = "Patient", manualResponse = true)
    public void subjectAccess(
            @IdParam IdType id,
            @OperationParam(name = "reference") StringType reference,
            HttpServletRequest servletRequest,
            HttpServletResponse servletResponse,
            RequestDetails request)
            throws IOException {
        DisclosurePackage pack = services.disclosures()
                .subjectAccess(PatientId.of(id.getIdPart()), reference == null ? null : reference.getValue());
        writer.write(pack, servletRequest, servletResponse, request.getFhirServerBase());
    }
}
