/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.web;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.fhir.OperationOutcomes;
import org.openmrs.module.patientrecordings.web.admin.AdminErrors;

/**
 * The body of a refusal the server writes before the FHIR server or the administration API sees the request (Jetty
 * refusing a URI, HTTP Basic refusing credentials), in the format of the API the path belongs to: an OperationOutcome
 * under {@code /fhir} (XML when the client asks for XML, JSON otherwise), the administration API's {@code issues}
 * under {@code /admin}, and plain JSON elsewhere. Never a class name or a stack trace.
 */
public final class ErrorBodies {

    private ErrorBodies() {}

    /**
     * @param path the request's path (undecoded is fine), or null when the request could not be parsed
     * @param accept the Accept header, or null
     * @param format the {@code _format} query parameter, or null
     * @param code the rule the refusal is about, or null for a failure of the server that is no rule's
     * @param message what is wrong, for people
     */
    public static Body of(String path, String accept, String format, ErrorCode code, String message) {
        String p = path == null ? "" : path;
        if (path == null || p.equals("/fhir") || p.startsWith("/fhir/")) {
            OperationOutcome outcome = code == null ? failure(message) : OperationOutcomes.of(code, message, null);
            FhirContext fhir = FhirContext.forR4Cached();
            if (wantsXml(accept, format)) {
                String xml = fhir.newXmlParser().encodeResourceToString(outcome);
                return new Body("application/fhir+xml;charset=utf-8", xml.getBytes(StandardCharsets.UTF_8));
            }
            String json = fhir.newJsonParser().encodeResourceToString(outcome);
            return new Body("application/fhir+json;charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
        }
        String json = (code == null
                        ? AdminErrors.failure(message)
                        : AdminErrors.body(List.of(Reason.error(code, message))))
                .toString();
        return new Body("application/json;charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    /** The rule an HTTP status stands for when the server refuses a request before any rule was applied. */
    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401, 403 -> ErrorCode.SAF_3;
            case 404, 410 -> ErrorCode.NF_1;
            case 409, 412 -> ErrorCode.VER_1;
            default -> status >= 500 ? null : ErrorCode.SAF_4;
        };
    }

    private static OperationOutcome failure(String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.FATAL)
                .setCode(OperationOutcome.IssueType.EXCEPTION)
                .setDiagnostics(message);
        return outcome;
    }

    private static boolean wantsXml(String accept, String format) {
        if (format != null) {
            return format.toLowerCase(Locale.ROOT).contains("xml");
        }
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return a.contains("xml") && !a.contains("json");
    }

    /**
     * @param contentType with its charset
     * @param bytes the encoded body
     */
    public record Body(String contentType, byte[] bytes) {}
}
