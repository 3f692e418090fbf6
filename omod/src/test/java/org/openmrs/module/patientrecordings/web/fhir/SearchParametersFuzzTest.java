/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;

/**
 * SAF-4: any search a client sends, {@code GET [base]/{type}?{parameters}}, is answered with a Bundle or refused with a
 * 4xx OperationOutcome carrying one of the project's error codes: never a 500, never a hang. The server is the real
 * one (HAPI's parameter parsing, {@link RequestChecks}, the providers' searches) over an in-memory clinic with a
 * patient who consented and whose consultation is being recorded.
 *
 * <p>The input is {@code type?name=value&name=value} as text: the type is one the server serves (Media otherwise),
 * and each name and value is sent URL-encoded, so that any text reaches the parameter parsing. Seeds: the searches the
 * README and the FHIR tests make.
 */
class SearchParametersFuzzTest {

    private static final List<String> TYPES = List.of("Media", "Consent", "AuditEvent", "Flag", "Binary");
    private static final List<String> CODES =
            java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TestClinic clinic;

    @FuzzTest
    void aSearchIsABundleOrAClearRefusal(byte[] input) throws Exception {
        target(input);
    }

    static void target(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int question = text.indexOf('?');
        String type = question < 0 ? "Media" : text.substring(0, question);
        String query = question < 0 ? text : text.substring(question + 1);
        HttpResponse<String> response = search(TYPES.contains(type) ? type : "Media", encoded(query));
        int status = response.statusCode();
        assertThat(status).as(response.body()).isLessThan(500);
        if (status >= 400) {
            OperationOutcome outcome =
                    FhirContext.forR4Cached().newJsonParser().parseResource(OperationOutcome.class, response.body());
            assertThat(outcome.getIssue())
                    .isNotEmpty()
                    .allSatisfy(issue -> assertThat(issue.getDetails().getCoding())
                            .extracting(Coding::getCode)
                            .containsAnyElementsOf(CODES));
        }
    }

    private static String encoded(String query) {
        StringJoiner parameters = new StringJoiner("&");
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return parameters.toString();
    }

    private static synchronized HttpResponse<String> search(String type, String query) {
        try {
            TestClinic open = clinic();
            HttpRequest request = HttpRequest.newBuilder(URI.create(open.base + "/" + type + "?" + query))
                    .header("Authorization", TestClinic.authorization(searcher(type)))
                    .header("Accept", "application/fhir+json")
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("the search was not answered", e);
        }
    }

    /** Someone allowed to search the type, so that the search reaches the parameters. */
    private static String searcher(String type) {
        return switch (type) {
            case "AuditEvent" -> "auditor";
            case "Flag" -> "records-manager";
            default -> "clinician";
        };
    }

    /** Stops the clinic the inputs were searched in, if one was opened. */
    @AfterAll
    static synchronized void closeTheClinic() throws Exception {
        if (clinic != null) {
            clinic.close();
            clinic = null;
        }
    }

    /** One clinic for every input of the run: a patient with a consent and a consultation being recorded. */
    private static TestClinic clinic() throws Exception {
        if (clinic == null) {
            Path content = Files.createTempDirectory("search-fuzz");
            TestClinic opened = new TestClinic(content);
            PatientId patient = PatientId.of("fuzzed-patient");
            post(
                    opened,
                    "Consent",
                    FhirContext.forR4Cached().newJsonParser().encodeResourceToString(Requests.consentGiven(patient)));
            post(
                    opened,
                    "Media",
                    FhirContext.forR4Cached()
                            .newJsonParser()
                            .encodeResourceToString(Requests.consultation(patient, opened.encounterOf(patient))));
            clinic = opened;
        }
        return clinic;
    }

    private static void post(TestClinic open, String type, String body) throws Exception {
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(open.base + "/" + type))
                        .header("Authorization", TestClinic.authorization("clinician"))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}
