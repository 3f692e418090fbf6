/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.domain.DeIdentification;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.fhir.PurposeCodes;

/**
 * SEC-3: {@code Media/{id}/$anonymised-derivative} starts a de-identified recording linked to its source; its content
 * is then written with {@code $binary-access-write} and it is completed with {@code $complete}.
 */
public final class DerivativeOperations {

    private static final Set<String> DE_IDENTIFICATIONS =
            Arrays.stream(DeIdentification.values()).map(Enum::name).collect(Collectors.toSet());

    private final FhirServerDependencies services;
    private final MediaViews views;

    DerivativeOperations(FhirServerDependencies services, MediaViews views) {
        this.services = services;
        this.views = views;
    }

    /**
     * Starts the derivative, which keeps how it is de-identified (anonymised, pseudonymised or masked) and shows it in
     * {@code meta.security}.
     */
    @Operation(name = "$anonymised-derivative", typeName = "Media")
    public Media start(
            @IdParam IdType id,
            @OperationParam(name = "deIdentification", min = 1) Coding deIdentification,
            @OperationParam(name = "purpose", min = 1) Coding purpose,
            @OperationParam(name = "method") StringType method,
            RequestDetails request) {
        if (deIdentification == null || !DE_IDENTIFICATIONS.contains(deIdentification.getCode())) {
            throw RuleViolationException.of(
                    ErrorCode.SAF_4, "deIdentification must be ANONYED, PSEUDED or MASKED", "deIdentification");
        }
        if (purpose == null) {
            throw RuleViolationException.of(ErrorCode.SAF_4, "Name the secondary purpose", "purpose");
        }
        RecordingId source = RecordingId.of(id.getIdPart());
        return views.toFhir(
                services.recordings()
                        .startAnonymisedDerivative(
                                source,
                                Set.of(PurposeCodes.fromCoding(purpose, "purpose")),
                                DeIdentification.valueOf(deIdentification.getCode()))
                        .recording(),
                request.getFhirServerBase());
    }
}
