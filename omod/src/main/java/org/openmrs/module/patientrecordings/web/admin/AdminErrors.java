/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;

/**
 * Refusals as the administration API answers them: every reason an issue naming its rule (the catalogue of
 * {@link ErrorCode}, the same as the FHIR API's) and the field it is about, with the HTTP status the FHIR API gives
 * the same codes.
 *
 * <pre>{@code
 * {"issues": [{"code": "TEL-2", "severity": "error", "message": "...", "path": "telephone.notices"}]}
 * }</pre>
 */
public final class AdminErrors {

    private AdminErrors() {}

    /**
     * SAF-3, COV-2 and a sealed recording (CON-5) 403, NF-1 404, VER-1 412 when the client sent {@code If-Match} and 409 otherwise, LIF-1 409,
     * SAF-1 and SAF-2 500, input errors alone (SAF-4) 400, every other rule 422.
     */
    static int status(List<Reason> reasons, boolean ifMatchSent) {
        Set<ErrorCode> errors =
                reasons.stream().filter(Reason::isError).map(Reason::code).collect(Collectors.toSet());
        if (errors.contains(ErrorCode.SAF_3) || errors.contains(ErrorCode.COV_2) || errors.contains(ErrorCode.CON_5)) {
            return 403;
        }
        if (errors.contains(ErrorCode.NF_1)) {
            return 404;
        }
        if (errors.contains(ErrorCode.VER_1)) {
            return ifMatchSent ? 412 : 409;
        }
        if (errors.contains(ErrorCode.LIF_1)) {
            return 409;
        }
        if (errors.contains(ErrorCode.SAF_1) || errors.contains(ErrorCode.SAF_2)) {
            return 500;
        }
        return errors.equals(Set.of(ErrorCode.SAF_4)) ? 400 : 422;
    }

    /** The body listing every reason. */
    public static JsonObject body(List<Reason> reasons) {
        JsonArray issues = new JsonArray();
        for (Reason r : reasons) {
            JsonObject issue = new JsonObject();
            issue.addProperty("code", r.code().code());
            issue.addProperty("severity", r.severity().name().toLowerCase(Locale.ROOT));
            issue.addProperty("message", r.message());
            if (r.location() != null) {
                issue.addProperty("path", r.location());
            }
            issues.add(issue);
        }
        JsonObject body = new JsonObject();
        body.add("issues", issues);
        return body;
    }

    /** The body of a failure that is no rule's: a server fault, logged by the servlet, without detail. */
    public static JsonObject failure(String message) {
        JsonObject issue = new JsonObject();
        issue.addProperty("severity", "fatal");
        issue.addProperty("message", message);
        JsonArray issues = new JsonArray();
        issues.add(issue);
        JsonObject body = new JsonObject();
        body.add("issues", issues);
        return body;
    }
}
