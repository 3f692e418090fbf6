/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.fhir.OperationOutcomes;

/** What the server answers outside HAPI: the 401 before authentication, and raw {@code Binary} reads. */
final class RawResponses {

    private RawResponses() {}

    /** A GET of {@code /Binary/{id}} that does not ask for FHIR: the client wants the bytes. */
    static boolean isRawBinaryRead(HttpServletRequest request, String path) {
        if (!"GET".equals(request.getMethod()) || !path.matches("/Binary/[^/]+")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        String format = request.getParameter("_format");
        return format == null && (accept == null || !accept.contains("fhir"));
    }

    static void stream(
            FhirContext fhir,
            ContentDownload download,
            String path,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        try {
            download.stream(BinaryProvider.recordingOf(path.substring("/Binary/".length())), request, response);
        } catch (RuleViolationException e) {
            if (!response.isCommitted()) {
                write(fhir, response, RuleViolationResponses.status(e.reasons(), null), OperationOutcomes.of(e));
            }
        } catch (IOException | RuntimeException e) {
            Optional<BaseServerResponseException> failure = RuleViolationResponses.dependencyFailure(e);
            if (failure.isEmpty() || response.isCommitted()) {
                throw e;
            }
            failure.get()
                    .getResponseHeaders()
                    .forEach((name, values) -> values.forEach(v -> response.setHeader(name, v)));
            write(fhir, response, failure.get().getStatusCode(), (OperationOutcome)
                    failure.get().getOperationOutcome());
        }
    }

    /**
     * Sets the content type of raw bytes, without a charset: a charset means nothing for audio, video, images or a
     * zip, yet a host may have set one on every response before the server runs (OpenMRS forces UTF-8), and the
     * servlet container would append it.
     */
    static void binaryContentType(HttpServletResponse response, String contentType) {
        response.setCharacterEncoding((String) null);
        response.setContentType(contentType);
    }

    /** Answers a refusal before HAPI sees the request, with the status its codes call for. */
    static void refuse(FhirContext fhir, HttpServletResponse response, RuleViolationException refusal)
            throws IOException {
        write(fhir, response, RuleViolationResponses.status(refusal.reasons(), null), OperationOutcomes.of(refusal));
    }

    static void refuse(FhirContext fhir, HttpServletResponse response, int status, String message) throws IOException {
        write(fhir, response, status, OperationOutcomes.of(ErrorCode.SAF_3, message, null));
    }

    private static void write(FhirContext fhir, HttpServletResponse response, int status, OperationOutcome outcome)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=utf-8");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        fhir.newJsonParser().encodeResourceToWriter(outcome, out);
        out.flush();
    }
}
