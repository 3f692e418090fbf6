/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.openmrs.module.patientrecordings.persistence.DatabaseUnavailable;
import org.openmrs.module.patientrecordings.web.admin.AdminErrors;

/**
 * What an endpoint of an unavailable module answers ({@link ModuleAvailability}): 503, in the endpoint's own error
 * format, naming the cause, so that an administrator sees from any client what to fix. Written with Gson only, not
 * with HAPI: a library that failed to load may be what made the module unavailable.
 */
public enum UnavailableAnswer {

    /** A FHIR {@code OperationOutcome}: one fatal issue of type {@code transient}, the cause as diagnostics. */
    FHIR("application/fhir+json;charset=utf-8") {
        @Override
        JsonObject body(String message) {
            JsonObject issue = new JsonObject();
            issue.addProperty("severity", "fatal");
            issue.addProperty("code", "transient");
            issue.addProperty("diagnostics", message);
            JsonArray issues = new JsonArray();
            issues.add(issue);
            JsonObject outcome = new JsonObject();
            outcome.addProperty("resourceType", "OperationOutcome");
            outcome.add("issue", issues);
            return outcome;
        }
    },

    /** The administration API's error body ({@link AdminErrors}). */
    ADMIN("application/json;charset=utf-8") {
        @Override
        JsonObject body(String message) {
            return AdminErrors.failure(message);
        }
    };

    private static final Gson GSON = new Gson();

    private final String contentType;

    UnavailableAnswer(String contentType) {
        this.contentType = contentType;
    }

    abstract JsonObject body(String message);

    /** Answers 503 naming why the module is unavailable. */
    public void write(HttpServletResponse response, ModuleAvailability.Failure failure) throws IOException {
        answer(response, message(failure), null);
    }

    /**
     * Answers 503 for a request that found the database unreachable ({@link DatabaseUnavailable}): it changed
     * nothing, and may be tried again after {@link DatabaseUnavailable#RETRY_AFTER_SECONDS}.
     */
    public void writeDatabaseUnavailable(HttpServletResponse response) throws IOException {
        answer(response, DatabaseUnavailable.MESSAGE, DatabaseUnavailable.RETRY_AFTER_SECONDS);
    }

    private void answer(HttpServletResponse response, String message, Integer retryAfter) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType(contentType);
        if (retryAfter != null) {
            response.setHeader("Retry-After", String.valueOf(retryAfter));
        }
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        GSON.toJson(body(message), out);
        out.flush();
    }

    /** The text of the answer. */
    public static String message(ModuleAvailability.Failure failure) {
        return "Patient Recordings is unavailable: " + failure.message()
                + ". The server's log has the details; the module works again once the cause is fixed and the module"
                + " (or the server) is restarted.";
    }
}
